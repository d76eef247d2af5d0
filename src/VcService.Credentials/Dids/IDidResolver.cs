namespace VcService.Credentials.Dids;

/// <summary>The outcome of resolving a DID: a document, or why there is none.</summary>
public sealed record DidResolutionResult(DidDocument? Document, string? Error)
{
    public static DidResolutionResult Found(DidDocument document) => new(document, null);
    public static DidResolutionResult NotFound(string error) => new(null, error);
}

public interface IDidResolver
{
    /// <summary>Whether this resolver handles the DID (by method, or by host for this service's own tenants).</summary>
    bool CanResolve(string did);

    Task<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken);
}

/// <summary>Asks each resolver in order; the first one that handles the DID answers.</summary>
public sealed class CompositeDidResolver(IEnumerable<IDidResolver> resolvers)
{
    private readonly IReadOnlyList<IDidResolver> _resolvers = resolvers.ToList();

    public Task<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken)
    {
        if (!DidUrl.IsDid(did))
            return Task.FromResult(DidResolutionResult.NotFound($"'{Truncate(did)}' is not a DID."));
        foreach (var resolver in _resolvers)
            if (resolver.CanResolve(did))
                return resolver.ResolveAsync(did, cancellationToken);
        return Task.FromResult(DidResolutionResult.NotFound(
            $"No resolver is configured for '{Truncate(did)}' (supported here: this service's own did:web tenants, did:key, did:jwk)."));
    }

    internal static string Truncate(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
