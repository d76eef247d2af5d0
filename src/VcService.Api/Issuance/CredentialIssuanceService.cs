using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VcService.Api.Status;
using VcService.Api.Tenants;
using VcService.Credentials.DataIntegrity;
using VcService.Credentials.Jose;
using VcService.Crypto;
using VcService.MicroCredentials;
using VcService.Storage.Abstractions;

namespace VcService.Api.Issuance;

/// <summary>Profiles and formats the issuer API accepts.</summary>
public static class IssuanceOptions
{
    public static readonly IReadOnlyList<string> Profiles = CredentialProfiles.All;
    public static readonly IReadOnlyList<string> Formats = IssuanceFormats.All;
}

public abstract record IssuanceOutcome
{
    public sealed record Issued(IssuedCredential Credential, bool Replayed) : IssuanceOutcome;
    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : IssuanceOutcome;
    public sealed record Refused(int Status, string Title, string Detail) : IssuanceOutcome;
}

/// <summary>
/// HEI record in, signed micro-credential out: validate every Annex I rule, render the profile,
/// sign with the tenant's active key, store, and honour idempotency keys.
/// </summary>
public sealed class CredentialIssuanceService(
    ITenantStore tenants,
    TenantKeyService keys,
    ICredentialStore credentials,
    TenantDids dids,
    TimeProvider time,
    CredentialStatusAssigner status)
{
    public const int MaxIdempotencyKeyLength = 200;

    public async Task<IssuanceOutcome> IssueAsync(string tenantId, JsonNode? body, string? profile, string? format,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        var tenant = await tenants.GetAsync(tenantId, cancellationToken);
        if (tenant is null)
            return new IssuanceOutcome.Refused(404, "Not found", $"There is no issuer '{tenantId}'.");

        var parameterErrors = new List<ValidationError>();
        if (profile is not null && !IssuanceOptions.Profiles.Contains(profile))
            parameterErrors.Add(new ValidationError("profile", $"Unknown profile '{profile}'; supported: {string.Join(", ", IssuanceOptions.Profiles)}."));
        if (format is not null && !IssuanceOptions.Formats.Contains(format))
            parameterErrors.Add(new ValidationError("format", $"Unknown format '{format}'; supported: {string.Join(", ", IssuanceOptions.Formats)}."));
        if (idempotencyKey is { Length: 0 or > MaxIdempotencyKeyLength })
            parameterErrors.Add(new ValidationError("Idempotency-Key", $"The Idempotency-Key header must have 1 to {MaxIdempotencyKeyLength} characters."));
        if (parameterErrors.Count > 0)
            return new IssuanceOutcome.Invalid(parameterErrors);

        (profile, format) = ChooseProfileAndFormat(tenant, profile, format);
        if (!IssuanceFormats.Fits(format, profile))
            return new IssuanceOutcome.Invalid([new ValidationError("format",
                $"Format '{format}' cannot secure the '{profile}' profile: '{format}' is for the '{IssuanceFormats.RequiredProfile(format)}' profile " +
                $"(jwt secures VC 1.1 credentials (elm), vc+jwt VC 2.0 credentials (obv3)); use '{IssuanceFormats.Natural(profile)}' or a Data Integrity format.")]);

        var requestHash = RequestHash(body, profile, format);
        if (idempotencyKey is not null && await credentials.FindByIdempotencyKeyAsync(tenantId, idempotencyKey, cancellationToken) is { } earlier)
            return Replay(earlier, requestHash);

        var validation = HeiRecordValidator.Validate(body, ValidationProfile.ByName(tenant.ValidationProfile ?? "default"));
        if (!validation.IsValid)
            return new IssuanceOutcome.Invalid(validation.Errors);

        var keyType = IssuanceFormats.KeyTypeOf(format) ?? await keys.DefaultKeyTypeAsync(tenantId, cancellationToken);
        if (keyType is null)
            return new IssuanceOutcome.Refused(409, "No signing key", $"Issuer '{tenantId}' has no active signing key.");

        var id = Guid.NewGuid().ToString();
        var issuedAt = TruncateToSeconds(time.GetUtcNow());
        var issuer = new IssuerProfile(dids.DidOf(tenant.Id), tenant.LegalName, tenant.Country, tenant.LegalIdentifier, tenant.DeqarId, tenant.Homepage);
        var unsecured = ProfileRenderers.Render(profile, validation.Record!, issuer, "urn:uuid:" + id, issuedAt);
        if (unsecured is null)
            return new IssuanceOutcome.Refused(501, "Profile not available", $"The '{profile}' profile is not available in this build.");

        // ES256 formats need a P-256 key: created the first time one is asked for (and published in the DID document).
        var (key, methodId) = await keys.OpenOrCreateActiveKeyAsync(tenantId, keyType.Value, cancellationToken);
        string secured;
        using (key)
        {
            await status.AddStatusAsync(unsecured, tenant, id, cancellationToken);
            secured = Secure(unsecured, format, key, methodId, issuedAt);
        }

        var stored = await credentials.InsertOrGetByIdempotencyKeyAsync(new IssuedCredential
        {
            Id = id,
            TenantId = tenantId,
            Profile = profile,
            Format = format,
            RecordJson = validation.Record!.ToJson().ToJsonString(),
            Credential = secured,
            IssuedAt = issuedAt,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
        }, cancellationToken);
        return stored.Id == id ? new IssuanceOutcome.Issued(stored, Replayed: false) : Replay(stored, requestHash);
    }

    /// <summary>
    /// Fills in what the request left open. Neither given: the tenant's defaults. Only the profile: the tenant's
    /// default format when it can secure that profile, else the profile's natural JOSE format (elm → jwt,
    /// obv3 → vc+jwt). Only the format: the tenant's default profile when the format fits it, else the profile
    /// the format is made for. Both given: as asked (a mismatch is refused by the caller).
    /// </summary>
    internal static (string Profile, string Format) ChooseProfileAndFormat(IssuerTenant tenant, string? profile, string? format)
    {
        var defaultProfile = IssuanceOptions.Profiles.Contains(tenant.DefaultProfile) ? tenant.DefaultProfile : CredentialProfiles.Elm;
        var defaultFormat = IssuanceOptions.Formats.Contains(tenant.DefaultFormat) ? tenant.DefaultFormat : IssuanceFormats.Natural(defaultProfile);
        return (profile, format) switch
        {
            (null, null) => (defaultProfile, IssuanceFormats.Fits(defaultFormat, defaultProfile) ? defaultFormat : IssuanceFormats.Natural(defaultProfile)),
            ({ } p, null) => (p, IssuanceFormats.Fits(defaultFormat, p) ? defaultFormat : IssuanceFormats.Natural(p)),
            (null, { } f) => (IssuanceFormats.Fits(f, defaultProfile) ? defaultProfile : IssuanceFormats.RequiredProfile(f)!, f),
            ({ } p, { } f) => (p, f),
        };
    }

    /// <summary>Secures the rendered credential: a compact JWS for the JOSE formats, the JSON with its proof for Data Integrity.</summary>
    private static string Secure(JsonObject unsecured, string format, SigningKey key, string methodId, DateTimeOffset issuedAt) => format switch
    {
        IssuanceFormats.Jwt => JwtVc.Sign(unsecured, key, methodId),
        IssuanceFormats.VcJwt => VcJwt.Sign(unsecured, key, methodId),
        _ => DataIntegrity.AddProof(unsecured, IssuanceFormats.Cryptosuite(format), key, new DataIntegrityProofOptions(methodId, issuedAt))
            .ToJsonString(),
    };

    private static IssuanceOutcome Replay(IssuedCredential earlier, string requestHash) =>
        earlier.RequestHash == requestHash
            ? new IssuanceOutcome.Issued(earlier, Replayed: true)
            : new IssuanceOutcome.Refused(422, "Idempotency key reused",
                "This Idempotency-Key was already used with a different request; use a new key for a new credential.");

    private static string RequestHash(JsonNode? body, string profile, string format) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{profile}\n{format}\n{body?.ToJsonString()}")));

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);
}
