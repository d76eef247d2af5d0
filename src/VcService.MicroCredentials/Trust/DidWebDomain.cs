using VcService.Credentials.Dids;

namespace VcService.MicroCredentials.Trust;

/// <summary>
/// Binds a did:web DID to an institution's website: whoever controls the DID's host controls
/// that DNS name, so a DID whose host is the website's host or below it
/// (<c>did:web:credentials.tum.de</c> and <c>https://www.tum.de</c>) is taken to belong to the institution.
/// </summary>
public static class DidWebDomain
{
    /// <summary>The lower-case host of a did:web DID (without port), or null for other DIDs.</summary>
    public static string? HostOf(string did)
    {
        var (url, _) = DidWebResolver.ToUrl(did);
        return url?.Host.ToLowerInvariant();
    }

    /// <summary>
    /// Whether <paramref name="host"/> is the website's host or a sub-domain of it, ignoring a
    /// leading <c>www.</c> of the website. Never a shorter suffix than the website's own host, so no
    /// public suffix list is needed.
    /// </summary>
    public static bool IsUnder(string host, string website)
    {
        if (!Uri.TryCreate(website, UriKind.Absolute, out var site) || site.Host.Length == 0)
            return false;
        var domain = site.Host.ToLowerInvariant();
        if (domain.StartsWith("www.", StringComparison.Ordinal) && domain.Count(c => c == '.') >= 2)
            domain = domain[4..];
        host = host.ToLowerInvariant();
        return host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);
    }
}
