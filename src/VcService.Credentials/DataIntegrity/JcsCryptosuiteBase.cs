using System.Text.Json.Nodes;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// The steps the JCS cryptosuites (eddsa-jcs-2022, ecdsa-jcs-2019) share: RFC 8785 canonicalization,
/// no JSON-LD processing, and the document's <c>@context</c> carried in the proof.
/// </summary>
public abstract class JcsCryptosuiteBase : CryptosuiteBase
{
    protected override string Canonicalize(JsonObject document)
    {
        try
        {
            return Jcs.Canonicalize(document);
        }
        catch (FormatException e)
        {
            throw Fail("JCS canonicalization failed: " + e.Message);
        }
    }

    /// <summary>Create Proof step 2 (e.g. eddsa-jcs-2022 §3.3.1): if unsecuredDocument.@context is present, set proof.@context to it.</summary>
    protected override void PrepareProof(JsonObject proof, JsonObject unsecuredDocument)
    {
        if (unsecuredDocument[DataIntegrityProof.ContextProperty] is { } context)
        {
            proof[DataIntegrityProof.ContextProperty] = context.DeepClone();
        }
    }
}
