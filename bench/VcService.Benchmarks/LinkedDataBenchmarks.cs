using System.Buffers;
using BenchmarkDotNet.Attributes;
using VcService.LinkedData.Canonicalization;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.Rdf;

namespace VcService.Benchmarks;

/// <summary>
/// JSON-LD expansion, toRdf and RDFC-1.0 on the ELM sample and a small credential: the work done
/// for every Data Integrity (rdfc) issue and verify.
/// </summary>
[MemoryDiagnoser]
public class LinkedDataBenchmarks
{
    private byte[] _json = [];
    private List<Quad> _quads = [];
    private string _nquads = "";
    private readonly JsonLdOptions _options = new() { SafeMode = true };
    private readonly ArrayBufferWriter<byte> _utf8 = new(256 * 1024);

    [Params("elm", "small")]
    public string Document { get; set; } = "elm";

    [GlobalSetup]
    public void Setup()
    {
        _json = File.ReadAllBytes(BenchmarkData.Path1(Document));
        _quads = JsonLdProcessor.ToRdf(_json, _options);
        _nquads = NQuadsSerializer.Serialize(_quads);
    }

    [Benchmark(Description = "expand (parse + expand)")]
    public object Expand() => JsonLdProcessor.Expand(JsonLdProcessor.ParseDocument(_json, _options.Limits), _options);

    [Benchmark(Description = "toRdf (parse + expand + toRdf)")]
    public object ToRdf() => JsonLdProcessor.ToRdf(_json, _options);

    [Benchmark(Description = "RDFC-1.0 only (quads in memory)")]
    public object Rdfc() => Rdfc10Canonicalizer.Canonicalize(_quads);

    [Benchmark(Description = "canonicalize (parse + toRdf + RDFC-1.0)", Baseline = true)]
    public string Canonicalize() => JsonLdCanonicalizer.Canonicalize(_json, _options);

    [Benchmark(Description = "canonicalize to reused UTF-8 buffer")]
    public object CanonicalizeUtf8()
    {
        _utf8.ResetWrittenCount();
        JsonLdCanonicalizer.Canonicalize(_json, _options, _utf8);
        return _utf8;
    }

    [Benchmark(Description = "N-Quads parse")]
    public object ParseNQuads() => NQuadsParser.Parse(_nquads);
}
