using System.CommandLine;
using VcService.Cli.Commands;

namespace VcService.Cli;

/// <summary>
/// The <c>vcservice</c> command line. Each command group lives in its own file under Commands/
/// and contributes a <see cref="Command"/>; add new groups (serve, issue, verify, sign, …) in
/// <see cref="BuildRootCommand"/>.
/// </summary>
public static class CliApp
{
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("vcservice: issue and verify EU micro-credentials as W3C Verifiable Credentials");
        root.Add(RdfCommands.Create());
        root.Add(SignCommands.Create());
        root.Add(VerifyCommand.Create());
        root.Add(RenderCommand.Create());
        root.Add(TrustCommands.Create());
        return root;
    }

    /// <summary>Runs the command line; output and error default to the console (tests pass writers).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parseResult = BuildRootCommand().Parse(args);
        var exit = parseResult.Invoke(new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        });
        // System.CommandLine answers parse errors with 1, which is also "not verified".
        return parseResult.Errors.Count > 0 && exit != ExitCodes.Success ? ExitCodes.Usage : exit;
    }
}
