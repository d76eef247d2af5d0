using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VcService.Api.Tenants;
using VcService.Credentials.Jose;
using VcService.Credentials.Status;
using VcService.Storage.Abstractions;

namespace VcService.Api.Status;

/// <summary>
/// Produces the signed status list credential of a list: from the cache while its version is
/// current and it is not close to expiry, otherwise rendered and signed with the tenant's active
/// key and cached with the list version. So a list is re-signed when a bit changes, not per request.
/// </summary>
public sealed class StatusListPublisher(
    IStatusListStore store,
    TenantKeyService keys,
    TenantDids dids,
    StatusListUrls urls,
    IOptions<StatusListOptions> options,
    TimeProvider time,
    IKeyStore signingKeys)
{
    public const string JwtMediaType = "application/jwt";

    /// <summary>The signed list, or null when the tenant has no such list.</summary>
    public async Task<SignedStatusList?> GetSignedAsync(string tenantId, string listId, CancellationToken cancellationToken)
    {
        var list = await store.GetListAsync(tenantId, listId, cancellationToken);
        if (list is null)
            return null;
        var now = time.GetUtcNow();
        if (list.Signed is { } signed && signed.Version == list.Version && !NearExpiry(signed, now)
            && !await KeyRetiredSinceAsync(tenantId, signed.SignedAt, cancellationToken))
            return signed;
        var fresh = await SignAsync(list, now, cancellationToken);
        await store.SaveSignedAsync(tenantId, listId, fresh, cancellationToken);
        return fresh;
    }

    /// <summary>A key retired after the cached copy was signed may have signed it: re-sign with the active key.</summary>
    private async Task<bool> KeyRetiredSinceAsync(string tenantId, DateTimeOffset signedAt, CancellationToken cancellationToken) =>
        (await signingKeys.ListAsync(tenantId, cancellationToken)).Any(k => k.RetiredAt is { } retired && retired >= signedAt);

    /// <summary>Re-sign before a cached copy (max-age) could outlive the credential's validity.</summary>
    private bool NearExpiry(SignedStatusList signed, DateTimeOffset now) =>
        signed.ValidUntil is { } until && until - now < options.Value.CacheMaxAge * 2;

    /// <summary>Renders and signs the list as it is now (also what the benchmark measures).</summary>
    public async Task<SignedStatusList> SignAsync(StoredStatusList list, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var opened = await keys.OpenActiveKeyAsync(list.TenantId, cancellationToken)
            ?? throw new StatusListSigningException(StatusCodes.Status503ServiceUnavailable, $"Issuer '{list.TenantId}' has no active signing key to sign its status list.");
        using var key = opened.Key;
        var validFrom = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var input = new StatusListCredentialInput(
            urls.UrlOf(list.TenantId, list.ListId),
            dids.DidOf(list.TenantId),
            list.Purpose,
            BitstringStatusList.FromBytes(list.Bitstring),
            validFrom,
            validFrom + options.Value.ListValidity,
            options.Value.CacheMaxAge);

        string credential;
        string mediaType;
        switch (list.ListType)
        {
            case StatusList2021Credential.SubjectType:
                credential = JwtVc.Sign(StatusList2021Credential.Render(input), key, opened.MethodId);
                mediaType = JwtMediaType;
                break;
            default:
                // VC 2.0 lists need VC-JOSE-COSE (application/vc+jwt) or Data Integrity securing, not available yet.
                throw new StatusListSigningException(StatusCodes.Status501NotImplemented, $"Status lists of type '{list.ListType}' cannot be secured yet (no VC 2.0 securing mechanism is configured).");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credential)))[..16];
        return new SignedStatusList
        {
            Version = list.Version,
            Credential = credential,
            MediaType = mediaType,
            ETag = $"\"{list.Version}-{hash}\"",
            SignedAt = now,
            ValidUntil = input.ValidUntil,
        };
    }
}

/// <summary>A status list that cannot be signed now; the message is safe to show.</summary>
public sealed class StatusListSigningException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
