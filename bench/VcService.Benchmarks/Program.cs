using System.Globalization;
using BenchmarkDotNet.Running;
using VcService.Benchmarks;

// Full BenchmarkDotNet run:   dotnet run -c Release --project bench/VcService.Benchmarks -- --filter '*'
// Quick noise-tolerant check: dotnet run -c Release --project bench/VcService.Benchmarks -- quick [iterations]
// Pipeline stages, µs + KB + GCs: dotnet run -c Release --project bench/VcService.Benchmarks -- stages [iterations] [stage]
// Status lists (issue #5):     dotnet run -c Release --project bench/VcService.Benchmarks -- quick-status [iterations]
// Data Integrity, quick:      dotnet run -c Release --project bench/VcService.Benchmarks -- quick-di [iterations]
// API formats, quick:         dotnet run -c Release --project bench/VcService.Benchmarks -- quick-formats [iterations]
// (Only the quick modes take an iteration count; BenchmarkDotNet gets its own arguments untouched.)
int Iterations() => args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
switch (args.FirstOrDefault())
{
    case "quick-status":
        StatusQuickRun.Run(Iterations());
        return;
    case "quick-formats":
        QuickRun.RunFormats(Iterations());
        return;
    case "quick-di":
        QuickRun.RunDataIntegrity(Iterations());
        return;
    case "stages":
        StagesRun.Run(Iterations(), args.Length > 2 ? args[2] : null);
        return;
    case "quick":
        QuickRun.Run(Iterations());
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}
