using Microsoft.IdentityModel.Tokens;

namespace VcService.Credentials.Jose;

/// <summary>
/// Custom <see cref="ICryptoProvider"/> that gives Microsoft.IdentityModel the EdDSA algorithm it lacks
/// (RFC 8037) and routes ES256 through our key type as well. Supports exactly one algorithm per key.
/// </summary>
internal sealed class VcCryptoProvider : ICryptoProvider
{
    public bool IsSupportedAlgorithm(string algorithm, params object[] args)
    {
        return args.Length > 0 && args[0] is VcSecurityKey key && string.Equals(algorithm, key.Algorithm, StringComparison.Ordinal);
    }

    public object Create(string algorithm, params object[] args)
    {
        if (args.Length == 0 || args[0] is not VcSecurityKey key || !string.Equals(algorithm, key.Algorithm, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"algorithm '{algorithm}' is not supported by this key");
        }

        var willCreateSignatures = args.Length > 1 && args[1] is true;
        return new VcSignatureProvider(key, algorithm, willCreateSignatures);
    }

    public void Release(object cryptoInstance)
    {
        (cryptoInstance as IDisposable)?.Dispose();
    }
}
