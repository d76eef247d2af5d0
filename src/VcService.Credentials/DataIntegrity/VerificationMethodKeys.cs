using VcService.Credentials.Dids;

namespace VcService.Credentials.DataIntegrity;

/// <summary>Key lookup for <see cref="DataIntegrity.VerifyAsync"/> through DID resolution.</summary>
public static class VerificationMethodKeys
{
    /// <summary>
    /// Resolves the DID of a verification method id (a DID URL) and returns its public key. This checks
    /// only that the method exists; whether it may assert for an issuer is the caller's policy (see
    /// <c>SignatureCheck</c>).
    /// </summary>
    public static Func<string, CancellationToken, Task<KeyLookupResult>> FromResolver(CompositeDidResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return async (methodId, cancellationToken) =>
        {
            var (did, fragment) = DidUrl.Split(methodId);
            if (fragment is null)
                return KeyLookupResult.NotFound("it is not a DID URL with a fragment");
            var resolution = await resolver.ResolveAsync(did, cancellationToken);
            if (resolution.Document is null)
                return KeyLookupResult.NotFound(resolution.Error ?? "the DID could not be resolved");
            var method = resolution.Document.FindMethod(methodId);
            return method is null
                ? KeyLookupResult.NotFound($"the DID document has no verification method '{CompositeDidResolver.Truncate(methodId)}'")
                : KeyLookupResult.Found(method.PublicKey);
        };
    }

    /// <summary>A resolver for the DID methods that need no network: did:key and did:jwk.</summary>
    public static CompositeDidResolver Offline() => new([new DidKeyResolver(), new DidJwkResolver()]);
}
