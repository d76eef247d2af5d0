using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VcService.LinkedData.Canonicalization;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.JsonLd.Loading;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// The canonicalization of the rdfc cryptosuites: JSON-LD 1.1 toRdf in safe mode (a term the context
/// does not define is an error, not a silent drop: it would otherwise go unsigned) over bundled
/// contexts only, then RDFC-1.0 (https://www.w3.org/TR/rdf-canon/).
/// </summary>
public sealed class RdfcCanonicalization(IDocumentLoader documentLoader, Rdfc10Options? rdfcOptions = null)
{
    public static RdfcCanonicalization Default { get; } = new(BundledDocumentLoader.Default);

    private readonly JsonLdOptions _options = new() { SafeMode = true, DocumentLoader = documentLoader };

    /// <summary>Buffers above this size are not kept for the next call (explicit bound on retained memory per thread).</summary>
    public const int MaxRetainedBufferBytes = 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Canonical N-Quads; throws <see cref="DataIntegrityException"/> naming the JSON-LD or RDFC problem.</summary>
    public string Canonicalize(JsonObject document) => Guarded(() => JsonLdCanonicalizer.Canonicalize(document, _options, rdfcOptions));

    /// <summary>
    /// SHA-256 of the canonical N-Quads (UTF-8), written into a per-thread reused buffer instead of a string.
    /// Throws as <see cref="Canonicalize"/>.
    /// </summary>
    public void HashCanonical(JsonObject document, Span<byte> destination)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        try
        {
            Guarded(() =>
            {
                JsonLdCanonicalizer.Canonicalize(document, _options, buffer, rdfcOptions);
                return 0;
            });
            SHA256.HashData(buffer.WrittenSpan, destination);
        }
        finally
        {
            if (buffer.Capacity > MaxRetainedBufferBytes)
            {
                t_buffer = null;
            }
        }
    }

    private static T Guarded<T>(Func<T> canonicalize)
    {
        try
        {
            return canonicalize();
        }
        catch (JsonLdException e) when (e.Code == JsonLdErrorCode.SafeModeValidationError)
        {
            throw new DataIntegrityException(DataIntegrityErrorCodes.ProofVerificationError,
                "safe mode: " + Detail(e), e);
        }
        catch (JsonLdException e)
        {
            throw new DataIntegrityException(DataIntegrityErrorCodes.ProofVerificationError,
                "JSON-LD processing failed: " + e.Message, e);
        }
        catch (RdfcWorkLimitExceededException e)
        {
            throw new DataIntegrityException(DataIntegrityErrorCodes.ProofVerificationError,
                "RDFC-1.0 canonicalization exceeded its work limit: " + e.Message, e);
        }
    }

    private static string Detail(JsonLdException e)
    {
        var prefix = e.Code + ": ";
        return e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
    }
}
