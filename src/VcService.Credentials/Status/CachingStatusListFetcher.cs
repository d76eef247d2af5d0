using System.Collections.Concurrent;

namespace VcService.Credentials.Status;

/// <summary>Limits of the in-memory status list cache.</summary>
public sealed record StatusListCacheOptions
{
    /// <summary>Most cached lists; when full, expired entries go first, then everything (a simple bound, not LRU).</summary>
    public int MaxEntries { get; init; } = 1_000;

    /// <summary>Longest reuse whatever the server says.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Wraps a (remote) fetcher with an in-memory cache that honours <c>Cache-Control: max-age</c>:
/// a list is reused until its max-age runs out, capped at <see cref="StatusListCacheOptions.MaxLifetime"/>;
/// answers without max-age (or with no-store/no-cache) and failures are not cached. Concurrent
/// misses for one URL share a single fetch.
/// </summary>
public sealed class CachingStatusListFetcher(IStatusListFetcher inner, TimeProvider time, StatusListCacheOptions? options = null) : IStatusListFetcher
{
    private readonly StatusListCacheOptions _options = options ?? new StatusListCacheOptions();
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<StatusListFetchResult>>> _inFlight = new(StringComparer.Ordinal);

    private sealed record Entry(StatusListFetchResult Result, DateTimeOffset Expires);

    public int Count => _entries.Count;

    public bool CanFetch(Uri url) => inner.CanFetch(url);

    public Task<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var key = url.AbsoluteUri;
        if (_entries.TryGetValue(key, out var cached) && cached.Expires > time.GetUtcNow())
            return Task.FromResult(cached.Result);
        var shared = _inFlight.GetOrAdd(key, _ => new Lazy<Task<StatusListFetchResult>>(() => FetchAndStoreAsync(key, url)));
        return shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<StatusListFetchResult> FetchAndStoreAsync(string key, Uri url)
    {
        try
        {
            // Not the caller's token: other callers may be waiting on this fetch. The inner fetcher has its own timeout.
            var result = await inner.FetchAsync(url, CancellationToken.None);
            var now = time.GetUtcNow();
            if (result.Success && result.MaxAge is { } maxAge && maxAge > TimeSpan.Zero)
            {
                MakeRoom(now);
                _entries[key] = new Entry(result, now + (maxAge < _options.MaxLifetime ? maxAge : _options.MaxLifetime));
            }
            else
            {
                _entries.TryRemove(key, out _);
            }
            return result;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < _options.MaxEntries)
            return;
        foreach (var (key, entry) in _entries)
            if (entry.Expires <= now)
                _entries.TryRemove(key, out _);
        if (_entries.Count >= _options.MaxEntries)
            _entries.Clear();
    }
}
