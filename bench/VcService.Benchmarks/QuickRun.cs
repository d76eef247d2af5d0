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
                Func<object> op = () => method.Invoke(bench, null)!;
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
                    $"{document,-6} {name,-42} {best,10:0.0} us  {allocated / 1024.0,9:0.0} KB/op"));
            }
        }
    }
}
