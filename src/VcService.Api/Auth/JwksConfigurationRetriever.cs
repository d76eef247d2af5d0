using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace VcService.Api.Auth;

/// <summary>
/// Reads a bare JWKS (RFC 7517 §5) as the identity provider's configuration, so the JWT bearer
/// handler's configuration manager caches it and refreshes it when a token names an unknown key.
/// </summary>
public sealed class JwksConfigurationRetriever(string? issuer) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var json = await retriever.GetDocumentAsync(address, cancel);
        var set = new JsonWebKeySet(json);
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer, JwksUri = address };
        foreach (var key in set.GetSigningKeys())
            configuration.SigningKeys.Add(key);
        if (configuration.SigningKeys.Count == 0)
            throw new InvalidOperationException($"The JWKS at '{address}' has no usable signing key.");
        return configuration;
    }
}

/// <summary>Reads the JWKS from a local file (the operator's copy of the provider's keys).</summary>
public sealed class FileDocumentRetriever : IDocumentRetriever
{
    public const long MaxBytes = 1_048_576;

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var info = new FileInfo(address);
        if (!info.Exists)
            throw new FileNotFoundException($"The JWKS file '{address}' does not exist.");
        if (info.Length > MaxBytes)
            throw new InvalidOperationException($"The JWKS file '{address}' is larger than {MaxBytes} bytes.");
        return await File.ReadAllTextAsync(address, cancel);
    }
}
