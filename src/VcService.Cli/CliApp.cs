namespace VcService.Cli;

public static class CliApp
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("usage: vcservice <command> ...");
        return 2;
    }
}
