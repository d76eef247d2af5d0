using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VcService.Api.Status;
using VcService.Api.Tenants;
using VcService.Credentials.Jose;
using VcService.MicroCredentials;
using VcService.Storage.Abstractions;

namespace VcService.Api.Issuance;

/// <summary>Profiles and formats the issuer API accepts.</summary>
public static class IssuanceOptions
{
    public static readonly IReadOnlyList<string> Profiles = ["elm"];
    public static readonly IReadOnlyList<string> Formats = ["jwt"];
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

        profile ??= tenant.DefaultProfile;
        format ??= tenant.DefaultFormat;
        var parameterErrors = new List<ValidationError>();
        if (!IssuanceOptions.Profiles.Contains(profile))
            parameterErrors.Add(new ValidationError("profile", $"Unknown profile '{profile}'; supported: {string.Join(", ", IssuanceOptions.Profiles)}."));
        if (!IssuanceOptions.Formats.Contains(format))
            parameterErrors.Add(new ValidationError("format", $"Unknown format '{format}'; supported: {string.Join(", ", IssuanceOptions.Formats)}."));
        if (idempotencyKey is { Length: 0 or > MaxIdempotencyKeyLength })
            parameterErrors.Add(new ValidationError("Idempotency-Key", $"The Idempotency-Key header must have 1 to {MaxIdempotencyKeyLength} characters."));
        if (parameterErrors.Count > 0)
            return new IssuanceOutcome.Invalid(parameterErrors);

        var requestHash = RequestHash(body, profile, format);
        if (idempotencyKey is not null && await credentials.FindByIdempotencyKeyAsync(tenantId, idempotencyKey, cancellationToken) is { } earlier)
            return Replay(earlier, requestHash);

        var validation = HeiRecordValidator.Validate(body, ValidationProfile.ByName(tenant.ValidationProfile ?? "default"));
        if (!validation.IsValid)
            return new IssuanceOutcome.Invalid(validation.Errors);

        var opened = await keys.OpenActiveKeyAsync(tenantId, cancellationToken);
        if (opened is null)
            return new IssuanceOutcome.Refused(409, "No signing key", $"Issuer '{tenantId}' has no active signing key.");
        using var key = opened.Value.Key;

        var id = Guid.NewGuid().ToString();
        var issuedAt = TruncateToSeconds(time.GetUtcNow());
        var issuer = new IssuerProfile(dids.DidOf(tenant.Id), tenant.LegalName, tenant.Country, tenant.LegalIdentifier, tenant.DeqarId, tenant.Homepage);
        var unsecured = ElmRenderer.Render(validation.Record!, issuer, new ElmRenderOptions("urn:uuid:" + id, issuedAt));
        await status.AddStatusAsync(unsecured, tenant, id, cancellationToken);
        var secured = JwtVc.Sign(unsecured, key, opened.Value.MethodId);

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

    private static IssuanceOutcome Replay(IssuedCredential earlier, string requestHash) =>
        earlier.RequestHash == requestHash
            ? new IssuanceOutcome.Issued(earlier, Replayed: true)
            : new IssuanceOutcome.Refused(422, "Idempotency key reused",
                "This Idempotency-Key was already used with a different request; use a new key for a new credential.");

    private static string RequestHash(JsonNode? body, string profile, string format) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{profile}\n{format}\n{body?.ToJsonString()}")));

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);
}
