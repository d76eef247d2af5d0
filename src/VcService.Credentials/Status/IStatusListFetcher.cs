namespace VcService.Credentials.Status;

/// <summary>A fetched status list credential (compact JWS or JSON text), or why it could not be fetched.</summary>
public sealed record StatusListFetchResult
{
    /// <summary>The body: a compact JWS (<c>application/vc+jwt</c>, <c>application/jwt</c>) or a JSON credential.</summary>
    public string? Content { get; init; }

    public string? MediaType { get; init; }

    /// <summary>How long the answer may be reused (<c>Cache-Control: max-age</c>); null or zero = do not cache.</summary>
    public TimeSpan? MaxAge { get; init; }

    public string? Error { get; init; }

    public bool Success => Content is not null;

    public static StatusListFetchResult Ok(string content, string? mediaType, TimeSpan? maxAge) =>
        new() { Content = content, MediaType = mediaType, MaxAge = maxAge };

    public static StatusListFetchResult Fail(string error) => new() { Error = error };
}

/// <summary>
/// Gets status list credentials for the status check. Implementations: this service's own lists
/// read locally (no HTTP), and — only when the operator configures it — an HTTP fetcher that
/// applies the SSRF rules of DESIGN §4, a timeout and a size limit. Fetchers never throw for an
/// unreachable or bad list: they return <see cref="StatusListFetchResult.Fail"/>.
/// </summary>
public interface IStatusListFetcher
{
    /// <summary>Whether this fetcher is responsible for the URL (by origin, scheme, allow-list).</summary>
    bool CanFetch(Uri url);

    Task<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken);
}

/// <summary>Asks each fetcher in order; the first that is responsible answers. No fetcher = refuse (no network unless configured).</summary>
public sealed class StatusListResolver(IEnumerable<IStatusListFetcher> fetchers)
{
    private readonly IReadOnlyList<IStatusListFetcher> _fetchers = fetchers.ToList();

    public Task<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        foreach (var fetcher in _fetchers)
            if (fetcher.CanFetch(url))
                return fetcher.FetchAsync(url, cancellationToken);
        return Task.FromResult(StatusListFetchResult.Fail(
            $"fetching status lists from '{url.GetLeftPart(UriPartial.Authority)}' is not enabled on this verifier " +
            "(only this service's own lists are read unless a remote status list fetcher is configured)"));
    }
}

/// <summary>Reads the caching directives of a <c>Cache-Control</c> header (RFC 9111 §5.2.2) that matter to a client cache.</summary>
public static class CacheControl
{
    /// <summary>The reuse lifetime: <c>max-age</c> seconds, or null when the response must not be reused (no-store, no-cache) or gives no max-age.</summary>
    public static TimeSpan? MaxAge(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return null;
        TimeSpan? maxAge = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = part.IndexOf('=') is var eq and >= 0 ? (part[..eq].Trim(), part[(eq + 1)..].Trim().Trim('"')) : (part, "");
            if (name.Equals("no-store", StringComparison.OrdinalIgnoreCase) || name.Equals("no-cache", StringComparison.OrdinalIgnoreCase))
                return null;
            if (name.Equals("max-age", StringComparison.OrdinalIgnoreCase) && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                maxAge = TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(365).TotalSeconds));
        }
        return maxAge;
    }
}
