using Microsoft.Extensions.Options;
using VcService.Api.Configuration;

namespace VcService.Api.Tenants;

/// <summary>
/// did:web identifiers of this service's tenants (did:web method spec §3.2):
/// <c>did:web:{host}[%3A{port}]:issuers:{id}</c>, whose document is served at
/// <c>{origin}/issuers/{id}/did.json</c>.
/// </summary>
public sealed class TenantDids
{
    public TenantDids(IOptions<VcServiceOptions> options)
    {
        var baseUrl = options.Value.PublicBaseUrl ?? throw new InvalidOperationException("VcService:PublicBaseUrl is not set.");
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"VcService:PublicBaseUrl '{baseUrl}' is not an absolute http(s) URL.");
        Origin = origin.GetLeftPart(UriPartial.Authority);
        var host = origin.IsDefaultPort ? origin.IdnHost : $"{origin.IdnHost}%3A{origin.Port}";
        var path = origin.AbsolutePath.Trim('/');
        Prefix = "did:web:" + host + (path.Length == 0 ? "" : ":" + path.Replace('/', ':')) + ":issuers:";
        PathBase = path.Length == 0 ? "" : "/" + path;
    }

    /// <summary>The scheme, host and port of the public base URL.</summary>
    public string Origin { get; }

    /// <summary>Every tenant DID starts with this, followed by the tenant id.</summary>
    public string Prefix { get; }

    private string PathBase { get; }

    public string DidOf(string tenantId) => Prefix + tenantId;

    public string DidDocumentUrl(string tenantId) => $"{Origin}{PathBase}/issuers/{tenantId}/did.json";

    /// <summary>The tenant id of one of this service's DIDs, or null for any other DID.</summary>
    public string? TenantIdOf(string did) =>
        did.StartsWith(Prefix, StringComparison.Ordinal) && did.Length > Prefix.Length && !did.AsSpan(Prefix.Length).Contains(':')
            ? did[Prefix.Length..]
            : null;
}
