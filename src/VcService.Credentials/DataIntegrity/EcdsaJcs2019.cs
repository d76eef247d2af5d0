using VcService.Crypto;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// <c>ecdsa-jcs-2019</c> (Data Integrity ECDSA Cryptosuites v1.0 §3.3, https://www.w3.org/TR/vc-di-ecdsa/#ecdsa-jcs-2019)
/// for P-256: JSON Canonicalization Scheme (RFC 8785), SHA-256, ECDSA P-256. Deviation: no P-384.
/// </summary>
public sealed class EcdsaJcs2019 : JcsCryptosuiteBase
{
    public const string SuiteName = "ecdsa-jcs-2019";

    public override string Name => SuiteName;

    public override KeyType KeyType => KeyType.P256;
}
