using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace VcService.Credentials.Net;

/// <summary>
/// GET with the SSRF rules of DESIGN §4, for did:web documents and remote status lists:
/// <list type="bullet">
/// <item>https only; plain http only for hosts in <see cref="SafeHttpOptions.AllowHttpHosts"/>;</item>
/// <item>the host name is resolved here and every address is checked; a host that resolves to any
/// non-public address (<see cref="NetworkAddressRules"/>) is refused unless it is in
/// <see cref="SafeHttpOptions.AllowPrivateHosts"/>;</item>
/// <item>the socket connects to exactly the address that was checked (connect callback), so a
/// second DNS answer (rebinding) cannot swap it; no proxy;</item>
/// <item>redirects only to the same origin, at most <see cref="SafeHttpOptions.MaxRedirects"/>;</item>
/// <item>a timeout over the whole fetch, a body size limit, and a media type check.</item>
/// </list>
/// Failures are results (<see cref="SafeHttpResult.Fail"/>), never exceptions; only the caller's
/// cancellation throws.
/// </summary>
public sealed class SafeHttpFetcher : IDisposable
{
    private readonly SafeHttpOptions _options;
    private readonly IDnsResolver _dns;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;

    public SafeHttpFetcher(SafeHttpOptions options, IDnsResolver? dns = null, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _dns = dns ?? SystemDnsResolver.Instance;
        _time = time ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = _options.PooledConnectionLifetime,
            ConnectTimeout = _options.Timeout,
            MaxResponseHeadersLength = 64, // KiB
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public SafeHttpOptions Options => _options;

    /// <summary>Whether the URL's scheme and host pass the rules that need no network (scheme, allow-list, literal addresses).</summary>
    public string? CheckUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
            return "only absolute https URLs can be fetched";
        if (!string.IsNullOrEmpty(url.UserInfo))
            return "URLs with user information are not fetched";
        if (url.Scheme == "http" && !_options.IsHttpAllowed(url.IdnHost))
            return $"plain http is not allowed for '{url.IdnHost}' (https only unless the operator allows the host)";
        return null;
    }

    /// <summary>Fetches <paramref name="url"/>; the response must be 200 with one of <paramref name="acceptedMediaTypes"/>.</summary>
    public async Task<SafeHttpResult> GetAsync(Uri url, IReadOnlyCollection<string> acceptedMediaTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(acceptedMediaTypes);
        if (CheckUrl(url) is { } invalid)
            return SafeHttpResult.Fail(url.IsAbsoluteUri && url.Scheme == "http" ? SafeHttpError.SchemeNotAllowed : SafeHttpError.InvalidUrl, invalid);

        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FetchAsync(url, acceptedMediaTypes, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SafeHttpResult.Fail(SafeHttpError.Timeout, $"no complete answer from {url.GetLeftPart(UriPartial.Authority)} within {_options.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e) when (FindRefusal(e) is { } refusal)
        {
            return SafeHttpResult.Fail(refusal.Error, refusal.Message);
        }
        catch (HttpRequestException e)
        {
            return SafeHttpResult.Fail(SafeHttpError.ConnectionFailed, $"{url.GetLeftPart(UriPartial.Authority)} could not be reached: {e.Message}");
        }
        catch (IOException e)
        {
            return SafeHttpResult.Fail(SafeHttpError.ConnectionFailed, $"the connection to {url.GetLeftPart(UriPartial.Authority)} failed: {e.Message}");
        }
    }

    private async Task<SafeHttpResult> FetchAsync(Uri url, IReadOnlyCollection<string> acceptedMediaTypes, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            foreach (var accepted in acceptedMediaTypes)
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accepted));
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var target = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (Uri.Compare(target, current, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                    return SafeHttpResult.Fail(SafeHttpError.RedirectNotAllowed,
                        $"{current.GetLeftPart(UriPartial.Authority)} redirects to another origin ({target.GetLeftPart(UriPartial.Authority)}), which is not followed");
                if (redirects >= _options.MaxRedirects)
                    return SafeHttpResult.Fail(SafeHttpError.RedirectNotAllowed, $"more than {_options.MaxRedirects} redirects from {url}");
                current = target;
                continue;
            }
            if (status != 200)
                return SafeHttpResult.Fail(SafeHttpError.HttpStatus, $"{current} answered HTTP {status}");

            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
            if (mediaType is null || !acceptedMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
                return SafeHttpResult.Fail(SafeHttpError.UnexpectedContentType,
                    $"{current} answered with media type '{mediaType ?? "(none)"}', expected {string.Join(", ", acceptedMediaTypes)}");
            if (response.Content.Headers.ContentLength is { } length && length > _options.MaxResponseBytes)
                return TooLarge(current);

            var body = await ReadLimitedAsync(response.Content, cancellationToken);
            if (body is null)
                return TooLarge(current);
            return SafeHttpResult.Ok(body, mediaType, response.Headers.CacheControl?.ToString(), current);
        }
    }

    private SafeHttpResult TooLarge(Uri url) =>
        SafeHttpResult.Fail(SafeHttpError.TooLarge, $"the response from {url} is larger than the limit of {_options.MaxResponseBytes} bytes");

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _options.MaxResponseBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Resolves the host, refuses non-public addresses unless allowed, and connects to an address
    /// that passed — the same one, so DNS cannot answer differently between check and use.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            addresses = [literal];
        else
        {
            try
            {
                addresses = await _dns.ResolveAsync(host, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new SafeHttpRefusedException(SafeHttpError.HostNotResolved, $"the host '{host}' could not be resolved ({e.SocketErrorCode})");
            }
            if (addresses.Length == 0)
                throw new SafeHttpRefusedException(SafeHttpError.HostNotResolved, $"the host '{host}' has no addresses");
        }

        // Every address must pass, not just one: otherwise the answer order decides what is reached.
        if (!_options.IsPrivateAllowed(host))
            foreach (var address in addresses)
                if (NetworkAddressRules.WhyNotPublic(address) is { } why)
                    throw new SafeHttpRefusedException(SafeHttpError.AddressNotAllowed,
                        $"the host '{host}' {(literal is null ? $"resolves to {address}, a" : "is a")} {why} address, which this service does not fetch from (SSRF protection)");

        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new IOException($"no address of '{host}' accepted a connection", last);
    }

    private static SafeHttpRefusedException? FindRefusal(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is SafeHttpRefusedException refusal)
                return refusal;
        return null;
    }

    public void Dispose() => _client.Dispose();
}
