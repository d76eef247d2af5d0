using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VcService.Api.Issuance;
using VcService.Api.Tenants;
using VcService.Credentials.DataIntegrity;
using VcService.Credentials.Jose;
using VcService.Credentials.Status;
using VcService.Storage.Abstractions;

namespace VcService.Api.Status;

/// <summary>
/// Produces the signed status list credential of a list: from the cache while its version is
/// current, it is not close to expiry, and neither a key was retired nor the tenant changed since it was signed;
/// otherwise rendered and signed with the tenant's active key and cached with the list version. So a list is
/// re-signed when a bit changes, not per request.
/// </summary>
public sealed class StatusListPublisher(
    IStatusListStore store,
    ITenantStore tenants,
    TenantKeyService keys,
    TenantDids dids,
    StatusListUrls urls,
    IOptions<StatusListOptions> options,
    TimeProvider time,
    IKeyStore signingKeys)
{
    public const string JwtMediaType = "application/jwt";

    /// <summary>A VC 2.0 credential secured with an embedded proof (VC Data Model 2.0 §6.3 media type application/vc).</summary>
    public const string DataIntegrityMediaType = "application/vc";

    /// <summary>The signed list, or null when the tenant has no such list.</summary>
    public async Task<SignedStatusList?> GetSignedAsync(string tenantId, string listId, CancellationToken cancellationToken)
    {
        var list = await store.GetListAsync(tenantId, listId, cancellationToken);
        if (list is null)
            return null;
        var now = time.GetUtcNow();
        var tenant = await tenants.GetAsync(tenantId, cancellationToken);
        if (list.Signed is { } signed && signed.Version == list.Version && !NearExpiry(signed, now)
            && !await KeyRetiredSinceAsync(tenantId, signed.SignedAt, cancellationToken)
            && !TenantChangedSince(tenant, signed.SignedAt))
            return signed;
        var fresh = await SignAsync(list, tenant, now, cancellationToken);
        await store.SaveSignedAsync(tenantId, listId, fresh, cancellationToken);
        return fresh;
    }

    /// <summary>A key retired after the cached copy was signed may have signed it: re-sign with the active key.</summary>
    private async Task<bool> KeyRetiredSinceAsync(string tenantId, DateTimeOffset signedAt, CancellationToken cancellationToken) =>
        (await signingKeys.ListAsync(tenantId, cancellationToken)).Any(k => k.RetiredAt is { } retired && retired >= signedAt);

    /// <summary>
    /// The tenant's settings changed after the cached copy was signed: its default format (and so the list's securing:
    /// vc+jwt or Data Integrity, and which suite) may differ now, so the list is signed again as it would be now.
    /// </summary>
    private static bool TenantChangedSince(IssuerTenant? tenant, DateTimeOffset signedAt) =>
        tenant?.UpdatedAt is { } updated && updated >= signedAt;

    /// <summary>Re-sign before a cached copy (max-age) could outlive the credential's validity.</summary>
    private bool NearExpiry(SignedStatusList signed, DateTimeOffset now) =>
        signed.ValidUntil is { } until && until - now < options.Value.CacheMaxAge * 2;

    /// <summary>Renders and signs the list as it is now, in the securing of <paramref name="tenant"/>'s default format.</summary>
    private async Task<SignedStatusList> SignAsync(StoredStatusList list, IssuerTenant? tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (tenant is null)
            throw new StatusListSigningException(StatusCodes.Status404NotFound, $"There is no issuer '{list.TenantId}'.");
        // VC 2.0 lists are secured in the tenant's family: Data Integrity with its default suite when its default
        // format is a di-… one, else vc+jwt. VC 1.1 (StatusList2021) lists are JWT-VCs.
        var dataIntegrity = list.ListType != StatusList2021Credential.SubjectType && IssuanceFormats.IsDataIntegrity(tenant.DefaultFormat)
            && IssuanceOptions.Formats.Contains(tenant.DefaultFormat);
        var keyType = dataIntegrity
            ? IssuanceFormats.Cryptosuite(tenant.DefaultFormat).KeyType
            : await keys.DefaultKeyTypeAsync(list.TenantId, cancellationToken)
                ?? throw new StatusListSigningException(StatusCodes.Status503ServiceUnavailable, $"Issuer '{list.TenantId}' has no active signing key to sign its status list.");
        var opened = dataIntegrity
            ? await keys.OpenOrCreateActiveKeyAsync(list.TenantId, keyType, cancellationToken)
            : await keys.OpenActiveKeyAsync(list.TenantId, keyType, cancellationToken)
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
            case BitstringStatusListCredential.SubjectType when dataIntegrity:
                credential = DataIntegrity.AddProof(BitstringStatusListCredential.Render(input), IssuanceFormats.Cryptosuite(tenant.DefaultFormat), key,
                    new DataIntegrityProofOptions(opened.MethodId, validFrom)).ToJsonString();
                mediaType = DataIntegrityMediaType;
                break;
            case BitstringStatusListCredential.SubjectType:
                credential = VcJwt.Sign(BitstringStatusListCredential.Render(input), key, opened.MethodId);
                mediaType = VcJwt.MediaType;
                break;
            default:
                throw new StatusListSigningException(StatusCodes.Status501NotImplemented, $"Status lists of type '{list.ListType}' cannot be secured.");
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
