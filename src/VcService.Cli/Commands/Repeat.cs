using System.Diagnostics;
using System.Globalization;

namespace VcService.Cli.Commands;

/// <summary>
/// <c>--repeat N</c>: runs an operation once as warm-up (its result is the command's output), then
/// N more times, and prints the mean of those N timed runs as <c>mean &lt;ms&gt; ms</c> on stderr.
/// </summary>
internal static class Repeat
{
    public static T Run<T>(Func<T> operation, int repeat, TextWriter error)
    {
        T result = operation();
        if (repeat <= 0)
        {
            return result;
        }
        var watch = Stopwatch.StartNew();
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
