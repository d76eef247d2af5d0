using System.Text;
using VcService.Credentials.Net;

namespace VcService.Credentials.Status;

/// <summary>
/// Fetches other issuers' status list credentials over HTTP with the SSRF rules, timeout and size
/// limit of <see cref="SafeHttpFetcher"/>. Registered after the local fetcher (own lists) and
/// wrapped in <see cref="CachingStatusListFetcher"/>.
/// </summary>
public sealed class HttpStatusListFetcher(SafeHttpFetcher fetcher) : IStatusListFetcher
{
    /// <summary>Media types of status list credentials: JOSE-secured (VC-JOSE-COSE, JWT-VC) or JSON-LD with an embedded proof.</summary>
    public static readonly IReadOnlyCollection<string> MediaTypes =
        ["application/vc+jwt", "application/jwt", "application/vc+ld+json", "application/vc", "application/ld+json", "application/json"];

    public bool CanFetch(Uri url) => fetcher.CheckUrl(url) is null;

    public async Task<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var result = await fetcher.GetAsync(url, MediaTypes, cancellationToken);
        if (!result.Success)
            return StatusListFetchResult.Fail(result.Message!);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(result.Body!);
        }
        catch (DecoderFallbackException)
        {
            return StatusListFetchResult.Fail($"the status list at {url} is not UTF-8 text");
        }
        return StatusListFetchResult.Ok(text, result.MediaType, CacheControl.MaxAge(result.CacheControl));
    }
}
