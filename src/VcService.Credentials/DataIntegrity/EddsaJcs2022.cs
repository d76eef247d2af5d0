using System.Text.Json.Nodes;
using VcService.Crypto;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// <c>eddsa-jcs-2022</c> (Data Integrity EdDSA Cryptosuites v1.0 §3.3, https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022):
/// JSON Canonicalization Scheme (RFC 8785), SHA-256, Ed25519. No JSON-LD processing.
/// </summary>
public sealed class EddsaJcs2022 : CryptosuiteBase
{
    public const string SuiteName = "eddsa-jcs-2022";

    public override string Name => SuiteName;

    public override KeyType KeyType => KeyType.Ed25519;

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

    /// <summary>§3.3.1 Create Proof step 2: if unsecuredDocument.@context is present, set proof.@context to it.</summary>
    protected override void PrepareProof(JsonObject proof, JsonObject unsecuredDocument)
    {
        if (unsecuredDocument[DataIntegrityProof.ContextProperty] is { } context)
        {
            proof[DataIntegrityProof.ContextProperty] = context.DeepClone();
        }
    }
}
