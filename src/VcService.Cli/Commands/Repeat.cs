using System.Diagnostics;
using System.Globalization;

namespace VcService.Cli.Commands;

/// <summary>
/// <c>--repeat N</c>: warms up with at least max(20, N) runs and at least <see cref="WarmUp"/> of
/// running time (so tiered JIT compilation, including dynamic PGO's instrumented tier, has settled;
/// bench/canonicalize-jsonld.mjs warms jsonld.js up the same way), then times N runs and prints their
/// mean as <c>mean &lt;ms&gt; ms</c> on stderr.
/// Without --repeat the operation runs once.
/// </summary>
internal static class Repeat
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);

    public static T Run<T>(Func<T> operation, int repeat, TextWriter error)
    {
        T result = operation();
        if (repeat <= 0)
        {
            return result;
        }
        var watch = Stopwatch.StartNew();
        for (int i = 1; i < Math.Max(20, repeat) || watch.Elapsed < WarmUp; i++)
        {
            result = operation();
        }
        watch.Restart();
        for (int i = 0; i < repeat; i++)
        {
            result = operation();
        }
        watch.Stop();
        double mean = watch.Elapsed.TotalMilliseconds / repeat;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean {mean:0.####} ms"));
        return result;
    }
}
