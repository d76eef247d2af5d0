using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Api.Auth;
using VcService.Api.Http;
using VcService.Api.Tenants;
using VcService.Crypto;
using VcService.Storage.Abstractions;

namespace VcService.Api.Admin;

/// <summary>The tenant's signing keys: list (public parts only), rotate, retire.</summary>
public static class SigningKeyAdmin
{
    public const int MaxReasonLength = 500;

    internal static async Task<IResult> ListAsync(string issuerId, ITenantStore tenants, IKeyStore keys, TenantDids dids, CancellationToken cancellationToken)
    {
        if (await tenants.GetAsync(issuerId, cancellationToken) is null)
            return AdminApi.IssuerNotFound(issuerId);
        var all = await keys.ListAsync(issuerId, cancellationToken);
        return TypedResults.Ok(new JsonObject { ["keys"] = new JsonArray(all.Select(k => (JsonNode)Describe(k, dids)).ToArray()) });
    }

    /// <summary>Body (optional) <c>{"keyType": "Ed25519" | "P-256"}</c>; default: the issuer's key type.</summary>
    internal static async Task<IResult> RotateAsync(string issuerId, HttpContext http, ClaimsPrincipal user, JsonBody jsonBody,
        ITenantStore tenants, TenantKeyManagement management, TenantDids dids, CancellationToken cancellationToken)
    {
        var tenant = await tenants.GetAsync(issuerId, cancellationToken);
        if (tenant is null)
            return AdminApi.IssuerNotFound(issuerId);
        var (body, problem) = await AdminApi.ReadOptionalObjectAsync(http.Request, jsonBody, cancellationToken);
        if (problem is not null)
            return problem;

        var errors = new List<(string, string)>();
        foreach (var (name, _) in body!)
            if (name != "keyType")
                errors.Add((name, $"Unknown member '{name}'; expected only 'keyType'."));
        var type = KeyTypeNames.Parse(tenant.KeyType) ?? KeyType.Ed25519;
        if (body["keyType"] is { } node)
        {
            var name = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (KeyTypeNames.Parse(name) is { } requested)
                type = requested;
            else
                errors.Add(("keyType", $"Unknown key type; supported: {string.Join(", ", KeyTypeNames.All)}."));
        }
        if (errors.Count > 0)
            return Problems.Validation($"The rotation request is not valid: {errors.Count} problem(s).", errors);

        var created = await management.RotateAsync(issuerId, type, TenantAccess.ClientId(user), cancellationToken);
        return TypedResults.Created($"/v1/admin/issuers/{issuerId}/keys", Describe(created, dids));
    }

    /// <summary>Body (optional) <c>{"compromisedAt": "2026-…Z", "reason": "…"}</c>.</summary>
    internal static async Task<IResult> RetireAsync(string issuerId, string keyId, HttpContext http, ClaimsPrincipal user, JsonBody jsonBody,
        ITenantStore tenants, TenantKeyManagement management, TenantDids dids, TimeProvider time,
        Microsoft.Extensions.Options.IOptions<Configuration.VcServiceOptions> options, CancellationToken cancellationToken)
    {
        var tenant = await tenants.GetAsync(issuerId, cancellationToken);
        if (tenant is null)
            return AdminApi.IssuerNotFound(issuerId);
        var (body, problem) = await AdminApi.ReadOptionalObjectAsync(http.Request, jsonBody, cancellationToken);
        if (problem is not null)
            return problem;

        var errors = new List<(string, string)>();
        foreach (var (name, _) in body!)
            if (name is not ("compromisedAt" or "reason"))
                errors.Add((name, $"Unknown member '{name}'; expected 'compromisedAt' and 'reason'."));
        DateTimeOffset? compromisedAt = null;
        if (body["compromisedAt"] is { } c)
        {
            var text = c is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (!Credentials.DataModel.CredentialDocument.TryParseDateTime(text, out var at))
                errors.Add(("compromisedAt", "Must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T12:00:00Z."));
            else if (at > time.GetUtcNow() + options.Value.ClockSkew)
                errors.Add(("compromisedAt", "Must not be in the future."));
            else
                compromisedAt = at;
        }
        string? reason = null;
        if (body["reason"] is { } r)
        {
            reason = r is JsonValue rv && rv.GetValueKind() == JsonValueKind.String ? rv.GetValue<string>().Trim() : null;
            if (reason is null || reason.Length > MaxReasonLength)
                errors.Add(("reason", $"Must be a string of at most {MaxReasonLength} characters."));
        }
        if (errors.Count > 0)
            return Problems.Validation($"The retirement request is not valid: {errors.Count} problem(s).", errors);

        var replacementType = KeyTypeNames.Parse(tenant.KeyType) ?? KeyType.Ed25519;
        var outcome = await management.RetireAsync(issuerId, keyId, compromisedAt, reason, replacementType, TenantAccess.ClientId(user), cancellationToken);
        return outcome switch
        {
            KeyRetirement.Retired retired => TypedResults.Ok(RetiredResponse(retired, dids)),
            KeyRetirement.AlreadyRetired => Problems.Result(StatusCodes.Status409Conflict, "Conflict", $"Key '{keyId}' of issuer '{issuerId}' is retired already."),
            _ => Problems.Result(StatusCodes.Status404NotFound, "Not found", $"Issuer '{issuerId}' has no key '{keyId}'."),
        };
    }

    private static JsonObject RetiredResponse(KeyRetirement.Retired retired, TenantDids dids)
    {
        var json = Describe(retired.Key, dids);
        if (retired.Replacement is { } replacement)
            json["replacement"] = Describe(replacement, dids);
        return json;
    }

    /// <summary>Public parts and state only; the encrypted private key never leaves the store.</summary>
    internal static JsonObject Describe(StoredKey key, TenantDids dids)
    {
        var publicKey = PublicKey.FromMultikey(key.PublicKeyMultibase);
        var json = new JsonObject
        {
            ["id"] = key.KeyId,
            ["type"] = KeyTypeNames.OfStored(key.KeyType),
            ["verificationMethod"] = $"{dids.DidOf(key.TenantId)}#{key.KeyId}",
            ["publicKeyMultibase"] = key.PublicKeyMultibase,
            ["publicKeyJwk"] = publicKey.ToJwk(),
            ["createdAt"] = Credentials.DataModel.CredentialDocument.FormatDateTime(key.CreatedAt),
            ["status"] = key.RetiredAt is not null ? "retired" : key.Active ? "active" : "published",
        };
        if (key.RetiredAt is { } retired)
            json["retiredAt"] = Credentials.DataModel.CredentialDocument.FormatDateTime(retired);
        if (key.CompromisedAt is { } compromised)
            json["compromisedAt"] = Credentials.DataModel.CredentialDocument.FormatDateTime(compromised);
        if (key.RevokedFrom is { } revoked)
            json["revoked"] = Credentials.DataModel.CredentialDocument.FormatDateTime(revoked);
        if (key.RetireReason is { } reason)
            json["reason"] = reason;
        return json;
    }
}
