using BenchmarkDotNet.Running;
using VcService.Status.Benchmarks;

// Full BenchmarkDotNet run:   dotnet run -c Release --project bench/VcService.Status.Benchmarks -- --filter '*'
// Quick noise-tolerant check: dotnet run -c Release --project bench/VcService.Status.Benchmarks -- quick [iterations]
if (args.Length > 0 && args[0] == "quick")
{
    QuickRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(StatusBenchmarks).Assembly).Run(args);
