using System.Globalization;
using BenchmarkDotNet.Running;
using VcService.Benchmarks;

// Full BenchmarkDotNet run:   dotnet run -c Release --project bench/VcService.Benchmarks -- --filter '*'
// Quick noise-tolerant check: dotnet run -c Release --project bench/VcService.Benchmarks -- quick [iterations]
// Status lists (issue #5):     dotnet run -c Release --project bench/VcService.Benchmarks -- quick-status [iterations]
// Data Integrity, quick:      dotnet run -c Release --project bench/VcService.Benchmarks -- quick-di [iterations]
// API formats, quick:         dotnet run -c Release --project bench/VcService.Benchmarks -- quick-formats [iterations]
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
switch (args.FirstOrDefault())
{
    case "quick-status":
        StatusQuickRun.Run(iterations);
        return;
    case "quick-formats":
        QuickRun.RunFormats(iterations);
        return;
    case "quick-di":
        QuickRun.RunDataIntegrity(iterations);
        return;
    case "quick":
        QuickRun.Run(iterations);
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}
