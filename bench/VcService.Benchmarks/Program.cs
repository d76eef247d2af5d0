using BenchmarkDotNet.Running;
using VcService.Benchmarks;

// Full BenchmarkDotNet run:   dotnet run -c Release --project bench/VcService.Benchmarks -- --filter '*'
// Quick noise-tolerant check: dotnet run -c Release --project bench/VcService.Benchmarks -- quick [iterations]
// Data Integrity, quick:      dotnet run -c Release --project bench/VcService.Benchmarks -- quick-di [iterations]
if (args.Length > 0 && args[0] == "quick-di")
{
    QuickRun.RunDataIntegrity(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}
if (args.Length > 0 && args[0] == "quick")
{
    QuickRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
