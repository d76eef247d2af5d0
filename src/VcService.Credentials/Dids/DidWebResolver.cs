using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.Net;

namespace VcService.Credentials.Dids;

/// <summary>Limits of did:web resolution (the network rules are those of the <see cref="SafeHttpFetcher"/>).</summary>
public sealed record DidWebOptions
{
    /// <summary>How long a resolved document is reused.</summary>
    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Most cached documents; when full, expired ones go first, then everything.</summary>
    public int MaxCacheEntries { get; init; } = 1_000;

    /// <summary>Largest nesting depth accepted in a DID document.</summary>
    public int MaxJsonDepth { get; init; } = 32;
}

/// <summary>
/// did:web (W3C CCG did:web Method Specification §3.2 "Read (Resolve)"): the DID becomes an HTTPS
/// URL, the document is fetched with the SSRF rules of <see cref="SafeHttpFetcher"/>, and its
/// <c>id</c> must equal the DID. Resolved documents are cached for <see cref="DidWebOptions.CacheTtl"/>;
/// failures are not cached. This service's own tenants are answered earlier by a local resolver.
/// </summary>
public sealed class DidWebResolver(SafeHttpFetcher fetcher, TimeProvider time, DidWebOptions? options = null) : IDidResolver
{
    public const string Prefix = "did:web:";

    /// <summary>Media types a DID document may be served as (DID Core §6.2; plain JSON is common in practice).</summary>
    public static readonly IReadOnlyCollection<string> MediaTypes =
        ["application/did+json", "application/did+ld+json", "application/json", "application/ld+json"];

    private readonly DidWebOptions _options = options ?? new DidWebOptions();
    private readonly ConcurrentDictionary<string, (DidResolutionResult Result, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<DidResolutionResult>>> _inFlight = new(StringComparer.Ordinal);

    public bool CanResolve(string did) => did.StartsWith(Prefix, StringComparison.Ordinal);

    public Task<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(did, out var cached) && cached.Expires > time.GetUtcNow())
            return Task.FromResult(cached.Result);
        var shared = _inFlight.GetOrAdd(did, key => new Lazy<Task<DidResolutionResult>>(() => ResolveAndStoreAsync(key)));
        return shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<DidResolutionResult> ResolveAndStoreAsync(string did)
    {
        try
        {
            // Not the caller's token: other callers may share this fetch; the fetcher has its own timeout.
            var result = await ResolveUncachedAsync(did, CancellationToken.None);
            if (result.Document is not null)
            {
                var now = time.GetUtcNow();
                MakeRoom(now);
                _cache[did] = (result, now + _options.CacheTtl);
            }
            return result;
        }
        finally
        {
            _inFlight.TryRemove(did, out _);
        }
    }

    private async Task<DidResolutionResult> ResolveUncachedAsync(string did, CancellationToken cancellationToken)
    {
        var (url, error) = ToUrl(did, fetcher.Options);
        if (url is null)
            return DidResolutionResult.NotFound($"Invalid did:web: {error}");

        var fetched = await fetcher.GetAsync(url, MediaTypes, cancellationToken);
        if (!fetched.Success)
            return DidResolutionResult.NotFound($"The did:web document {url} could not be fetched: {fetched.Message}.");

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(fetched.Body!, documentOptions: new JsonDocumentOptions { MaxDepth = _options.MaxJsonDepth }) as JsonObject;
        }
        catch (JsonException e)
        {
            return DidResolutionResult.NotFound($"The did:web document {url} is not valid JSON: {e.Message}");
        }
        if (json is null)
            return DidResolutionResult.NotFound($"The did:web document {url} is not a JSON object.");
        try
        {
            // §3.2.1 step 6: the id of the resolved document must match the DID (DidDocument.Parse checks it).
            return DidResolutionResult.Found(DidDocument.Parse(json, did));
        }
        catch (FormatException e)
        {
            return DidResolutionResult.NotFound($"The did:web document {url} is not the document of '{CompositeDidResolver.Truncate(did)}': {e.Message}");
        }
    }

    /// <summary>
    /// §3.2 steps 1-5: replace ':' with '/', percent-decode the port colon, prepend https://,
    /// append /.well-known (no path) and /did.json. Plain http only for hosts the operator allows.
    /// </summary>
    public static (Uri? Url, string? Error) ToUrl(string did, SafeHttpOptions? network = null)
    {
        if (!did.StartsWith(Prefix, StringComparison.Ordinal))
            return (null, "not a did:web identifier");
        var segments = did[Prefix.Length..].Split(':');
        var authority = Uri.UnescapeDataString(segments[0].Replace("%3a", "%3A", StringComparison.Ordinal)).ToLowerInvariant();
        var colon = authority.LastIndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        if (colon >= 0 && !(int.TryParse(authority[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535))
            return (null, $"'{authority}' does not have a valid port");
        if (Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4) || host.Length > 253)
            return (null, $"'{host}' is not a domain name");
        foreach (var segment in segments.Skip(1))
            if (segment.Length == 0 || segment is "." or ".." || Uri.UnescapeDataString(segment).IndexOfAny(['/', '\\', '?', '#']) >= 0)
                return (null, $"the path segment '{segment}' is not allowed");
        var scheme = network?.IsHttpAllowed(host) == true ? "http" : "https";
        var path = segments.Length == 1 ? "/.well-known" : "/" + string.Join('/', segments.Skip(1));
        return Uri.TryCreate($"{scheme}://{authority}{path}/did.json", UriKind.Absolute, out var url)
            ? (url, null)
            : (null, "it does not map to a valid URL");
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_cache.Count < _options.MaxCacheEntries)
            return;
        foreach (var (key, entry) in _cache)
            if (entry.Expires <= now)
                _cache.TryRemove(key, out _);
        if (_cache.Count >= _options.MaxCacheEntries)
            _cache.Clear();
    }
}
