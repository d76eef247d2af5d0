using VcService.Crypto;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// <c>eddsa-jcs-2022</c> (Data Integrity EdDSA Cryptosuites v1.0 §3.3, https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022):
/// JSON Canonicalization Scheme (RFC 8785), SHA-256, Ed25519. No JSON-LD processing.
/// </summary>
public sealed class EddsaJcs2022 : JcsCryptosuiteBase
{
    public const string SuiteName = "eddsa-jcs-2022";

    public override string Name => SuiteName;

    public override KeyType KeyType => KeyType.Ed25519;
}
