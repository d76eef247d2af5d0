using VcService.Credentials.Dids;
using VcService.Storage.Abstractions;

namespace VcService.Api.Tenants;

/// <summary>Resolves this service's own tenant DIDs from the database: no HTTP round trip to itself.</summary>
public sealed class TenantDidResolver(TenantDids dids, ITenantStore tenants, TenantKeyService keys) : IDidResolver
{
    public bool CanResolve(string did) => dids.TenantIdOf(did) is not null;

    public async Task<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken)
    {
        var tenantId = dids.TenantIdOf(did)!;
        if (await tenants.GetAsync(tenantId, cancellationToken) is null)
            return DidResolutionResult.NotFound($"'{did}' names no issuer of this service.");
        return DidResolutionResult.Found(await keys.GetDidDocumentAsync(tenantId, cancellationToken));
    }
}
