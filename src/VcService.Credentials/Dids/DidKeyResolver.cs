using VcService.Crypto;

namespace VcService.Credentials.Dids;

/// <summary>
/// did:key (W3C CCG did:key method): the DID is the Multikey of the public key, so resolution is
/// pure decoding, no network. The single verification method is <c>did:key:z…#z…</c>.
/// </summary>
public sealed class DidKeyResolver : IDidResolver
{
    /// <summary>Explicit limit of the resolution cache (decoding, e.g. P-256 point decompression, is costly per verify).</summary>
    public const int CacheCapacity = 1024;

    // did:key resolution is a pure function of the DID, so results can be shared process-wide.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DidResolutionResult> Cache = new(StringComparer.Ordinal);

    public bool CanResolve(string did) => did.StartsWith("did:key:", StringComparison.Ordinal);

    public Task<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(did, out var cached))
            return Task.FromResult(cached);
        var result = Resolve(did);
        if (result.Document is not null)
        {
            if (Cache.Count >= CacheCapacity)
                Cache.Clear();
            Cache[did] = result;
        }
        return Task.FromResult(result);
    }

    private static DidResolutionResult Resolve(string did)
    {
        var multibase = did["did:key:".Length..];
        PublicKey key;
        try
        {
            key = PublicKey.FromMultikey(multibase);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return DidResolutionResult.NotFound($"Invalid did:key: {e.Message}");
        }
        var methodId = did + "#" + multibase;
        var document = new DidDocument(did, [new VerificationMethod(methodId, VerificationMethodTypes.Multikey, did, key)], [methodId]);
        return DidResolutionResult.Found(document);
    }
}
