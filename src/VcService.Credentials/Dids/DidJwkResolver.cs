using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Crypto;

namespace VcService.Credentials.Dids;

/// <summary>
/// did:jwk (https://github.com/quartzjer/did-jwk/blob/main/spec.md): the method-specific id is the
/// base64url-encoded UTF-8 JSON of a public JWK; resolution is pure decoding, no network. The single
/// verification method is <c>did:jwk:…#0</c>; it may assert unless the JWK says <c>"use": "enc"</c>.
/// </summary>
public sealed class DidJwkResolver : IDidResolver
{
    public const string Prefix = "did:jwk:";

    /// <summary>Explicit limit on the encoded JWK (an EC or OKP public JWK is ~150 characters).</summary>
    public const int MaxEncodedLength = 2048;

    public bool CanResolve(string did) => did.StartsWith(Prefix, StringComparison.Ordinal);

    public Task<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var encoded = did[Prefix.Length..];
        if (encoded.Length > MaxEncodedLength)
            return Task.FromResult(DidResolutionResult.NotFound($"Invalid did:jwk: the encoded JWK exceeds {MaxEncodedLength} characters."));
        if (!Base64Url.TryDecode(encoded, out var bytes, out var error))
            return Task.FromResult(DidResolutionResult.NotFound($"Invalid did:jwk: {error}"));
        JsonObject? jwk;
        try
        {
            jwk = JsonNode.Parse(Encoding.UTF8.GetString(bytes)) as JsonObject;
        }
        catch (JsonException)
        {
            jwk = null;
        }
        if (jwk is null)
            return Task.FromResult(DidResolutionResult.NotFound("Invalid did:jwk: the identifier does not decode to a JSON object (JWK)."));
        // The spec: the JWK MUST NOT contain private key material.
        if (jwk.ContainsKey("d"))
            return Task.FromResult(DidResolutionResult.NotFound("Invalid did:jwk: the JWK contains private key material ('d')."));
        PublicKey key;
        try
        {
            key = PublicKey.FromJwk(jwk);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return Task.FromResult(DidResolutionResult.NotFound($"Invalid did:jwk: {e.Message}"));
        }
        var methodId = did + "#0";
        var use = jwk["use"] is JsonValue u && u.GetValueKind() == JsonValueKind.String ? u.GetValue<string>() : null;
        var method = new VerificationMethod(methodId, VerificationMethodTypes.JsonWebKey, did, key);
        var document = new DidDocument(did, [method], use == "enc" ? [] : [methodId]);
        return Task.FromResult(DidResolutionResult.Found(document));
    }

    /// <summary>The did:jwk of a public key (its JWK, serialized without whitespace).</summary>
    public static string ToDid(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Prefix + Base64Url.Encode(Encoding.UTF8.GetBytes(key.ToJwk().ToJsonString()));
    }
}
