using VcService.Crypto;

namespace VcService.Credentials.Dids;

/// <summary>
/// did:key (W3C CCG did:key method): the DID is the Multikey of the public key, so resolution is
/// pure decoding, no network. The single verification method is <c>did:key:z…#z…</c>.
/// </summary>
public sealed class DidKeyResolver : IDidResolver
{
    public bool CanResolve(string did) => did.StartsWith("did:key:", StringComparison.Ordinal);

    public Task<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken)
    {
        var multibase = did["did:key:".Length..];
        PublicKey key;
        try
        {
            key = PublicKey.FromMultikey(multibase);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return Task.FromResult(DidResolutionResult.NotFound($"Invalid did:key: {e.Message}"));
        }
        var methodId = did + "#" + multibase;
        var document = new DidDocument(did, [new VerificationMethod(methodId, VerificationMethodTypes.Multikey, did, key)], [methodId]);
        return Task.FromResult(DidResolutionResult.Found(document));
    }
}
