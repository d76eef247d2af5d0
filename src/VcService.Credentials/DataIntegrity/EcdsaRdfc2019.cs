using System.Text.Json.Nodes;
using VcService.Crypto;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// <c>ecdsa-rdfc-2019</c> (Data Integrity ECDSA Cryptosuites v1.0 §3.2, https://www.w3.org/TR/vc-di-ecdsa/#ecdsa-rdfc-2019)
/// for P-256: RDFC-1.0 canonicalization, SHA-256 hashing, ECDSA P-256 with SHA-256 over the hash data
/// (IEEE P1363 r‖s, 64 bytes). Deviation: P-384 (SHA-384) is not supported; the service has no P-384 keys.
/// </summary>
public sealed class EcdsaRdfc2019(RdfcCanonicalization canonicalization) : CryptosuiteBase
{
    public const string SuiteName = "ecdsa-rdfc-2019";

    public EcdsaRdfc2019() : this(RdfcCanonicalization.Default)
    {
    }

    public override string Name => SuiteName;

    public override KeyType KeyType => KeyType.P256;

    protected override string Canonicalize(JsonObject document) => canonicalization.Canonicalize(document);

    protected override void HashCanonical(JsonObject document, Span<byte> destination) => canonicalization.HashCanonical(document, destination);
}
