using VcService.Credentials.Status;

namespace VcService.Api.Status;

/// <summary>
/// The status check's source for this service's own lists: read from the database (and signed if
/// needed) instead of an HTTP round trip to itself. Always current, so not cached.
/// </summary>
public sealed class LocalStatusListFetcher(StatusListUrls urls, StatusListPublisher publisher) : IStatusListFetcher
{
    public bool CanFetch(Uri url) => url.AbsoluteUri.StartsWith(urls.Prefix, StringComparison.Ordinal);

    public async Task<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        if (urls.Parse(url) is not { } id)
            return StatusListFetchResult.Fail($"'{url}' is not a status list URL of this service");
        Storage.Abstractions.SignedStatusList? signed;
        try
        {
            signed = await publisher.GetSignedAsync(id.TenantId, id.ListId, cancellationToken);
        }
        catch (StatusListSigningException e)
        {
            // No active key, or a list type that cannot be secured yet: the check fails closed with the reason.
            return StatusListFetchResult.Fail($"the status list could not be produced: {e.Message}");
        }
        return signed is null
            ? StatusListFetchResult.Fail($"this service has no status list '{id.ListId}' for issuer '{id.TenantId}'")
            : StatusListFetchResult.Ok(signed.Credential, signed.MediaType, maxAge: null);
    }
}
