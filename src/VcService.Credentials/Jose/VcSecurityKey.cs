using Microsoft.IdentityModel.Tokens;
using VcService.Crypto;

namespace VcService.Credentials.Jose;

/// <summary>
/// A Microsoft.IdentityModel <see cref="SecurityKey"/> over our <see cref="PublicKey"/> (and optionally
/// <see cref="SigningKey"/>). Its <see cref="CryptoProviderFactory"/> only knows the one JWS algorithm the
/// key type allows (EdDSA for Ed25519, ES256 for P-256), which pins the algorithm during validation.
/// </summary>
public sealed class VcSecurityKey : AsymmetricSecurityKey
{
    /// <summary>Wraps a verification key.</summary>
    public VcSecurityKey(PublicKey publicKey, string? keyId = null)
        : this(publicKey, null, keyId)
    {
    }

    /// <summary>Wraps a signing key (the caller keeps ownership and disposes it).</summary>
    public VcSecurityKey(SigningKey signingKey, string? keyId = null)
        : this(signingKey.PublicKey, signingKey, keyId)
    {
    }

    private VcSecurityKey(PublicKey publicKey, SigningKey? signingKey, string? keyId)
    {
        PublicKey = publicKey;
        SigningKey = signingKey;
        KeyId = keyId;
        CryptoProviderFactory = new CryptoProviderFactory
        {
            CustomCryptoProvider = new VcCryptoProvider(),
            CacheSignatureProviders = false,
        };
    }

    /// <summary>The verification key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>The signing key, when this key can sign.</summary>
    public SigningKey? SigningKey { get; }

    /// <summary>The only JWS alg this key accepts.</summary>
    public string Algorithm => PublicKey.JwsAlgorithm;

    /// <inheritdoc />
    public override int KeySize => 256;

    /// <inheritdoc />
    [Obsolete("HasPrivateKey is obsolete in Microsoft.IdentityModel; use PrivateKeyStatus.")]
    public override bool HasPrivateKey => SigningKey is not null;

    /// <inheritdoc />
    public override PrivateKeyStatus PrivateKeyStatus =>
        SigningKey is null ? PrivateKeyStatus.DoesNotExist : PrivateKeyStatus.Exists;

    /// <inheritdoc />
    public override bool CanComputeJwkThumbprint()
    {
        return false;
    }
}
