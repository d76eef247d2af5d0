using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace VcService.Benchmarks;

/// <summary>
/// A quick in-process timing of the <see cref="StatusBenchmarks"/> methods (<c>quick-status</c>): best of 5 batches
/// (robust on a shared, noisy machine) and bytes allocated per operation.
/// </summary>
internal static class StatusQuickRun
{
    public static void Run(int iterations)
    {
        var methods = typeof(StatusBenchmarks).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
        foreach (var percent in new[] { 1, 50 })
        {
            var bench = new StatusBenchmarks { PercentSet = percent };
            bench.Setup();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"list with {percent}% of 131,072 bits set; signed list credential {bench.SignedListLength / 1024.0:0.0} KB"));
            foreach (var method in methods)
            {
                Func<object> op = () => method.Invoke(bench, null)!;
                var n = method.Name.Contains("Warm", StringComparison.Ordinal) ? iterations * 20 : iterations;
                for (var i = 0; i < Math.Max(10, n / 5); i++)
                    op();
                var best = double.MaxValue;
                long allocated = 0;
                for (var batch = 0; batch < 5; batch++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var watch = Stopwatch.StartNew();
                    for (var i = 0; i < n; i++)
                        op();
                    watch.Stop();
                    allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / n;
                    best = Math.Min(best, watch.Elapsed.TotalMicroseconds / n);
                }
                var name = method.GetCustomAttribute<BenchmarkAttribute>()!.Description ?? method.Name;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-86} {best,10:0.0} us  {allocated / 1024.0,9:0.0} KB/op"));
            }
            bench.Cleanup();
        }
    }
}
