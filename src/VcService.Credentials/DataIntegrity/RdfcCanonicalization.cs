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

    /// <summary>Canonical N-Quads; throws <see cref="DataIntegrityException"/> naming the JSON-LD or RDFC problem.</summary>
    public string Canonicalize(JsonObject document)
    {
        try
        {
            return JsonLdCanonicalizer.Canonicalize(document, _options, rdfcOptions);
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
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Deviation: VcService.LinkedData should raise JsonLdException for these; it currently throws
            // InvalidOperationException for a string with a lone surrogate (JsonModel.FromNode) and
            // ArgumentOutOfRangeException for a number that overflows to Infinity (RdfSerializer.FormatDouble).
            // Hostile documents must give a result, so they are caught here until fixed there.
            throw new DataIntegrityException(DataIntegrityErrorCodes.ProofVerificationError,
                "JSON-LD processing failed: the document holds a value JSON-LD cannot represent (" + e.Message + ")", e);
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
