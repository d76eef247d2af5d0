using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using VcService.LinkedData.Canonicalization;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.JsonLd.ToRdf;
using VcService.LinkedData.Rdf;

namespace VcService.Benchmarks;

/// <summary>
/// Where the time of one canonicalization goes: each stage of the pipeline timed on its own (best of 5 batches),
/// with process CPU time (less disturbed than wall time by other processes on a shared machine), bytes allocated
/// and garbage collections per operation. Stages that consume their input (node map
/// generation relabels types in place) get a fresh copy made outside the timed region.
/// </summary>
internal static class StagesRun
{
    /// <param name="filter">Only stages whose name contains this text (e.g. "expand"), for a profiler.</param>
    public static void Run(int iterations, string? filter = null)
    {
        s_filter = filter;
        var options = new JsonLdOptions { SafeMode = true };
        foreach (string document in new[] { "elm", "small" })
        {
            byte[] json = File.ReadAllBytes(BenchmarkData.Path1(document));
            object? model = JsonLdProcessor.ParseModel(json, options.Limits);
            List<object?> expanded = JsonLdProcessor.ExpandToModel(model, options);
            List<Quad> quads = JsonLdProcessor.ToRdf(json, options);
            var utf8 = new ArrayBufferWriter<byte>(256 * 1024);

            Measure(document, "1 parse JSON -> model", iterations, () => JsonLdProcessor.ParseModel(json, options.Limits));
            Measure(document, "2 expand (model in memory)", iterations, () => JsonLdProcessor.ExpandToModel(model, options));
            Measure(document, "3 node map + toRdf (expanded)", iterations, () =>
            {
                var issuer = new BlankNodeIssuer();
                var generator = new NodeMapGenerator(issuer, options.SafeMode);
                generator.Generate(expanded, Keywords.Default, null, null, null);
                return new RdfSerializer(options, issuer).Serialize(generator.NodeMap);
            });
            var scratch = new List<Quad>();
            Measure(document, "2+3 fused walk (model in memory)", iterations, () =>
            {
                scratch.Clear();
                return DirectRdfBuilder.TryToRdf(model, options, scratch) ? scratch : throw new InvalidOperationException("the fused walk declined " + document);
            });
            Measure(document, "4 RDFC-1.0 -> UTF-8 (quads)", iterations, () =>
            {
                utf8.ResetWrittenCount();
                return Rdfc10Canonicalizer.Canonicalize(quads, utf8);
            });
            Measure(document, "all: canonicalize -> UTF-8", iterations, () =>
            {
                utf8.ResetWrittenCount();
                JsonLdCanonicalizer.Canonicalize(json, options, utf8);
                return utf8;
            });
        }
    }

    private static string? s_filter;

    private static void Measure(string label, string name, int iterations, Func<object?> op)
    {
        if (s_filter is not null && !name.Contains(s_filter, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        for (int i = 0; i < Math.Max(20, iterations / 5); i++) op(); // warm-up
        double best = double.MaxValue, bestCpu = double.MaxValue;
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        double gc0 = 0, gc2 = 0, pause = 0;
        for (int batch = 0; batch < 5; batch++)
        {
            int c0 = GC.CollectionCount(0), c2 = GC.CollectionCount(2);
            var pauseBefore = GC.GetTotalPauseDuration();
            long before = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++) op();
            watch.Stop();
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / iterations);
            allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / iterations;
            gc0 = (GC.CollectionCount(0) - c0) * 1000.0 / iterations;
            pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMicroseconds / iterations;
            gc2 = (GC.CollectionCount(2) - c2) * 1000.0 / iterations;
            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / iterations);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-6} {name,-32} {best,9:0.0} us (cpu {bestCpu,7:0.0})  {allocated / 1024.0,8:0.0} KB/op  GC pause {pause,6:0.0} us/op, GCs per 1000 ops: gen0 {gc0,5:0.0} gen2 {gc2,5:0.0}"));
    }
}
