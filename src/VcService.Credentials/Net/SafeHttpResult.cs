namespace VcService.Credentials.Net;

/// <summary>Why a fetch was refused or failed; callers map these to their own messages.</summary>
public enum SafeHttpError
{
    /// <summary>Not an absolute http(s) URL, or it carries credentials (<c>user@host</c>).</summary>
    InvalidUrl,
    /// <summary>Plain <c>http</c> to a host the operator did not allow.</summary>
    SchemeNotAllowed,
    /// <summary>The host name did not resolve.</summary>
    HostNotResolved,
    /// <summary>The host is or resolves to a loopback, private, link-local or other non-public address (SSRF).</summary>
    AddressNotAllowed,
    /// <summary>A redirect to another origin, or too many redirects.</summary>
    RedirectNotAllowed,
    /// <summary>No answer within the timeout.</summary>
    Timeout,
    /// <summary>The body is larger than the limit.</summary>
    TooLarge,
    /// <summary>The response has a media type the caller does not accept.</summary>
    UnexpectedContentType,
    /// <summary>A status other than 200.</summary>
    HttpStatus,
    /// <summary>Connection or protocol failure (refused, TLS, reset).</summary>
    ConnectionFailed,
}

/// <summary>The outcome of a <see cref="SafeHttpFetcher"/> fetch: the body, or a typed error with a message.</summary>
public sealed record SafeHttpResult
{
    public byte[]? Body { get; init; }

    /// <summary>The media type of the response without parameters, lower case (e.g. <c>application/did+json</c>).</summary>
    public string? MediaType { get; init; }

    /// <summary>The raw <c>Cache-Control</c> header, if any.</summary>
    public string? CacheControl { get; init; }

    /// <summary>The URL finally fetched (after same-origin redirects).</summary>
    public Uri? Url { get; init; }

    public SafeHttpError? Error { get; init; }

    public string? Message { get; init; }

    public bool Success => Body is not null;

    public static SafeHttpResult Ok(byte[] body, string? mediaType, string? cacheControl, Uri url) =>
        new() { Body = body, MediaType = mediaType, CacheControl = cacheControl, Url = url };

    public static SafeHttpResult Fail(SafeHttpError error, string message) => new() { Error = error, Message = message };
}

/// <summary>Raised inside the connect callback so the refusal keeps its type through HttpClient's wrapping.</summary>
internal sealed class SafeHttpRefusedException(SafeHttpError error, string message) : IOException(message)
{
    public SafeHttpError Error { get; } = error;
}
