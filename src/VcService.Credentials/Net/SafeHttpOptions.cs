namespace VcService.Credentials.Net;

/// <summary>Rules and limits of <see cref="SafeHttpFetcher"/> (DESIGN §4: nothing is fetched from an address the operator did not allow).</summary>
public sealed record SafeHttpOptions
{
    /// <summary>Host names (or IP literals) that may be fetched over plain <c>http</c>, e.g. <c>localhost</c> in development. Everything else must be <c>https</c>.</summary>
    public IReadOnlyCollection<string> AllowHttpHosts { get; init; } = [];

    /// <summary>Host names (or IP literals) that may resolve to loopback, private, link-local or other non-public addresses.</summary>
    public IReadOnlyCollection<string> AllowPrivateHosts { get; init; } = [];

    /// <summary>Longest wait for one fetch: DNS, connect, TLS, redirects and the whole body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest response body accepted, in bytes.</summary>
    public long MaxResponseBytes { get; init; } = 1_048_576;

    /// <summary>Redirects followed, and only to the same scheme, host and port; 0 = none.</summary>
    public int MaxRedirects { get; init; } = 3;

    /// <summary>How long a pooled connection (to an address that was checked) is reused.</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(2);

    public bool IsHttpAllowed(string host) => Contains(AllowHttpHosts, host);

    public bool IsPrivateAllowed(string host) => Contains(AllowPrivateHosts, host);

    private static bool Contains(IReadOnlyCollection<string> hosts, string host)
    {
        var bare = host.Trim('[', ']');
        foreach (var allowed in hosts)
            if (string.Equals(allowed.Trim().Trim('[', ']'), bare, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
