using System.Buffers;
using System.Text.Json.Nodes;
using VcService.LinkedData.JsonLd;

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
        return Rdfc10Canonicalizer.Canonicalize(JsonLdProcessor.ToRdf(document, options), rdfc).CanonicalNQuads;
    }

    /// <summary>As <see cref="Canonicalize(JsonNode, JsonLdOptions, Rdfc10Options?)"/> for raw UTF-8 JSON (parse limits apply).</summary>
    public static string Canonicalize(ReadOnlySpan<byte> utf8Json, JsonLdOptions options, Rdfc10Options? rdfc = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Rdfc10Canonicalizer.Canonicalize(JsonLdProcessor.ToRdf(utf8Json, options), rdfc).CanonicalNQuads;
    }

    /// <summary>
    /// Writes the canonical N-Quads as UTF-8 to <paramref name="destination"/> (what a proof hashes);
    /// with a reused buffer this avoids the large string for big documents.
    /// </summary>
    public static void Canonicalize(ReadOnlySpan<byte> utf8Json, JsonLdOptions options, IBufferWriter<byte> destination, Rdfc10Options? rdfc = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Rdfc10Canonicalizer.Canonicalize(JsonLdProcessor.ToRdf(utf8Json, options), destination, rdfc);
    }

    /// <summary>As <see cref="Canonicalize(ReadOnlySpan{byte}, JsonLdOptions, IBufferWriter{byte}, Rdfc10Options?)"/> for a parsed document.</summary>
    public static void Canonicalize(JsonNode document, JsonLdOptions options, IBufferWriter<byte> destination, Rdfc10Options? rdfc = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        Rdfc10Canonicalizer.Canonicalize(JsonLdProcessor.ToRdf(document, options), destination, rdfc);
    }
}
