using System.Buffers;
using System.Text.Json.Nodes;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// JSON-LD document → canonical N-Quads: JSON-LD 1.1 toRdf (with the given options, e.g. safe mode
/// and the bundled document loader) followed by RDFC-1.0. This is the "canonicalize" step of the
/// Data Integrity rdfc cryptosuites (eddsa-rdfc-2022, ecdsa-rdfc-2019).
/// </summary>
public static class JsonLdCanonicalizer
{
    /// <exception cref="JsonLdException">The document is not valid JSON-LD (or is lossy in safe mode).</exception>
    /// <exception cref="RdfcWorkLimitExceededException">The dataset exceeds the RDFC-1.0 work limits.</exception>
    public static string Canonicalize(JsonNode document, JsonLdOptions options, Rdfc10Options? rdfc = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        return CanonicalForm(JsonModel.FromNode(document, options.Limits.MaxDepth), options, rdfc);
    }

    /// <summary>As <see cref="Canonicalize(JsonNode, JsonLdOptions, Rdfc10Options?)"/> for raw UTF-8 JSON (parse limits apply).</summary>
    public static string Canonicalize(ReadOnlySpan<byte> utf8Json, JsonLdOptions options, Rdfc10Options? rdfc = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CanonicalForm(JsonLdProcessor.ParseModel(utf8Json, options.Limits), options, rdfc);
    }

    /// <summary>
    /// Writes the canonical N-Quads as UTF-8 to <paramref name="destination"/> (what a proof hashes);
    /// with a reused buffer this avoids the large string for big documents.
    /// </summary>
    public static void Canonicalize(ReadOnlySpan<byte> utf8Json, JsonLdOptions options, IBufferWriter<byte> destination, Rdfc10Options? rdfc = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        WriteCanonicalForm(JsonLdProcessor.ParseModel(utf8Json, options.Limits), options, destination, rdfc);
    }

    /// <summary>As <see cref="Canonicalize(ReadOnlySpan{byte}, JsonLdOptions, IBufferWriter{byte}, Rdfc10Options?)"/> for a parsed document.</summary>
    public static void Canonicalize(JsonNode document, JsonLdOptions options, IBufferWriter<byte> destination, Rdfc10Options? rdfc = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        WriteCanonicalForm(JsonModel.FromNode(document, options.Limits.MaxDepth), options, destination, rdfc);
    }

    private static string CanonicalForm(object? model, JsonLdOptions options, Rdfc10Options? rdfc)
    {
        var scratch = RentQuads();
        try
        {
            return Rdfc10Canonicalizer.Canonicalize(JsonLdProcessor.ToRdfForCanonicalization(model, options, scratch), rdfc).CanonicalNQuads;
        }
        finally
        {
            ReturnQuads(scratch);
        }
    }

    private static void WriteCanonicalForm(object? model, JsonLdOptions options, IBufferWriter<byte> destination, Rdfc10Options? rdfc)
    {
        var scratch = RentQuads();
        try
        {
            Rdfc10Canonicalizer.Canonicalize(JsonLdProcessor.ToRdfForCanonicalization(model, options, scratch), destination, rdfc);
        }
        finally
        {
            ReturnQuads(scratch);
        }
    }

    // One quad list per thread, reused by the next document: a large credential's quads would otherwise be a
    // large, short-lived array (often on the large object heap) per canonicalization.
    [ThreadStatic]
    private static List<Quad>? t_quads;

    private const int MaxKeptQuads = 1 << 16;

    private static List<Quad> RentQuads()
    {
        var quads = t_quads ?? new List<Quad>();
        t_quads = null;
        return quads;
    }

    private static void ReturnQuads(List<Quad> quads)
    {
        if (quads.Capacity <= MaxKeptQuads)
        {
            quads.Clear();
            t_quads = quads;
        }
    }
}
