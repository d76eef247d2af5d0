using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace VcService.Benchmarks;

/// <summary>
/// A quick in-process timing of the <see cref="LinkedDataBenchmarks"/> methods: best of 5 batches
/// (robust on a shared, noisy machine) and bytes allocated per operation. Not a substitute for
/// BenchmarkDotNet, but fast enough to use while optimizing.
/// </summary>
internal static class QuickRun
{
    public static void Run(int iterations)
    {
        var methods = typeof(LinkedDataBenchmarks).GetMethods()
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
        foreach (string document in new[] { "elm", "small" })
        {
            var bench = new LinkedDataBenchmarks { Document = document };
            bench.Setup();
            foreach (var method in methods)
            {
                Measure(document, method, () => method.Invoke(bench, null)!, iterations);
            }
        }
    }

    /// <summary>As <see cref="Run"/> for <see cref="DataIntegrityBenchmarks"/>: ops/s and bytes allocated per operation.</summary>
    public static void RunDataIntegrity(int iterations)
    {
        var methods = typeof(DataIntegrityBenchmarks).GetMethods()
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
        foreach (string document in new[] { "small", "elm" })
        {
            foreach (string suite in new[] { "eddsa-rdfc-2022", "eddsa-jcs-2022", "ecdsa-rdfc-2019" })
            {
                var bench = new DataIntegrityBenchmarks { Document = document, Suite = suite };
                bench.Setup();
                foreach (var method in methods)
                {
                    Measure($"{document} {suite}", method, () => method.Invoke(bench, null)!, iterations);
                }
                bench.Cleanup();
            }
        }
    }

    public static void RunFormats(int iterations)
    {
        var methods = typeof(FormatBenchmarks).GetMethods()
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
        foreach (string @case in FormatBenchmarks.Cases())
        {
            var bench = new FormatBenchmarks { Case = @case };
            bench.Setup();
            foreach (var method in methods)
            {
                Measure(@case, method, () => method.Invoke(bench, null)!, iterations);
            }
            bench.Cleanup();
        }
    }

    private static void Measure(string label, MethodInfo method, Func<object> op, int iterations)
    {
        for (int i = 0; i < Math.Max(20, iterations / 5); i++) op(); // warm-up
        double best = double.MaxValue;
        long allocated = 0;
        for (int batch = 0; batch < 5; batch++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++) op();
            watch.Stop();
            allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / iterations;
            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / iterations);
        }
        string name = method.GetCustomAttribute<BenchmarkAttribute>()!.Description ?? method.Name;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-6} {name,-42} {best,10:0.0} us  {1_000_000 / best,9:0} ops/s  {allocated / 1024.0,9:0.0} KB/op"));
    }
}
