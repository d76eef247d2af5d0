using System.Text.Json.Nodes;
using VcService.Crypto;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// <c>eddsa-rdfc-2022</c> (Data Integrity EdDSA Cryptosuites v1.0 §3.2, https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022):
/// RDFC-1.0 canonicalization, SHA-256, Ed25519.
/// </summary>
public sealed class EddsaRdfc2022(RdfcCanonicalization canonicalization) : CryptosuiteBase
{
    public const string SuiteName = "eddsa-rdfc-2022";

    public EddsaRdfc2022() : this(RdfcCanonicalization.Default)
    {
    }

    public override string Name => SuiteName;

    public override KeyType KeyType => KeyType.Ed25519;

    protected override string Canonicalize(JsonObject document) => canonicalization.Canonicalize(document);

    protected override void HashCanonical(JsonObject document, Span<byte> destination) => canonicalization.HashCanonical(document, destination);
}
