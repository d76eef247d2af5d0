namespace VcService.Crypto;

/// <summary>The signature key types the service supports.</summary>
public enum KeyType
{
    /// <summary>Ed25519 (RFC 8032), through libsodium. JWS alg "EdDSA".</summary>
    Ed25519,

    /// <summary>ECDSA over NIST P-256 with SHA-256 (FIPS 186-4). JWS alg "ES256".</summary>
    P256,
}
