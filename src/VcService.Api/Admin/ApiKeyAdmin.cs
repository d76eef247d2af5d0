using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Api.Auth;
using VcService.Api.Http;
using VcService.Storage.Abstractions;

namespace VcService.Api.Admin;

/// <summary>
/// Per-tenant API keys of machine clients. The secret is returned once, at creation; only its
/// SHA-256 is stored. A revoked key is refused (401) from then on.
/// </summary>
public static class ApiKeyAdmin
{
    public const int MaxScopes = 10;

    internal static async Task<IResult> CreateAsync(string issuerId, HttpContext http, ClaimsPrincipal user, JsonBody jsonBody,
        ITenantStore tenants, IApiKeyStore apiKeys, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await tenants.GetAsync(issuerId, cancellationToken) is null)
            return AdminApi.IssuerNotFound(issuerId);
        var (body, problem) = await jsonBody.ReadAsync(http.Request, AdminApi.MaxBodyBytes, cancellationToken);
        if (problem is not null)
            return problem;

        var (scopes, errors) = ReadScopes(body);
        if (errors.Count > 0)
            return Problems.Validation($"The API key request is not valid: {errors.Count} problem(s).", errors);

        var secret = ApiKeys.Generate();
        var key = new StoredApiKey
        {
            Id = "ak_" + Guid.NewGuid().ToString("N")[..16],
            TenantId = issuerId,
            SecretHash = ApiKeys.Hash(secret),
            Scopes = scopes,
            CreatedAt = time.GetUtcNow(),
        };
        await apiKeys.AddAsync(key, cancellationToken);
        await audit.AppendAsync(new AuditEntry
        {
            TenantId = issuerId,
            At = key.CreatedAt,
            ClientId = TenantAccess.ClientId(user),
            Action = "api-key-create",
            Detail = new JsonObject { ["apiKeyId"] = key.Id, ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()) }.ToJsonString(),
        }, cancellationToken);
        var json = Describe(key);
        json["apiKey"] = secret;
        return TypedResults.Created($"/v1/admin/issuers/{issuerId}/api-keys/{key.Id}", json);
    }

    internal static async Task<IResult> ListAsync(string issuerId, ITenantStore tenants, IApiKeyStore apiKeys, CancellationToken cancellationToken)
    {
        if (await tenants.GetAsync(issuerId, cancellationToken) is null)
            return AdminApi.IssuerNotFound(issuerId);
        var keys = await apiKeys.ListAsync(issuerId, cancellationToken);
        return TypedResults.Ok(new JsonObject { ["apiKeys"] = new JsonArray(keys.Select(k => (JsonNode)Describe(k)).ToArray()) });
    }

    internal static async Task<IResult> RevokeAsync(string issuerId, string keyId, ClaimsPrincipal user, ITenantStore tenants,
        IApiKeyStore apiKeys, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await tenants.GetAsync(issuerId, cancellationToken) is null)
            return AdminApi.IssuerNotFound(issuerId);
        var now = time.GetUtcNow();
        if (!await apiKeys.RevokeAsync(issuerId, keyId, now, cancellationToken))
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"Issuer '{issuerId}' has no active API key '{keyId}'.");
        await audit.AppendAsync(new AuditEntry
        {
            TenantId = issuerId,
            At = now,
            ClientId = TenantAccess.ClientId(user),
            Action = "api-key-revoke",
            Detail = new JsonObject { ["apiKeyId"] = keyId }.ToJsonString(),
        }, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary><c>{"scopes": [...]}</c>: a non-empty list of known scopes.</summary>
    internal static (IReadOnlyList<string> Scopes, List<(string Path, string Message)> Errors) ReadScopes(JsonNode? body)
    {
        var errors = new List<(string, string)>();
        var scopes = new List<string>();
        if (body is not JsonObject json)
            return (scopes, [("", "The body must be {\"scopes\": [...]}.")]);
        foreach (var (name, _) in json)
            if (name != "scopes")
                errors.Add((name, $"Unknown member '{name}'; expected only 'scopes'."));
        if (json["scopes"] is not JsonArray array || array.Count == 0)
        {
            errors.Add(("scopes", $"A non-empty array of scopes is required; known: {string.Join(", ", Scopes.All)}."));
            return (scopes, errors);
        }
        if (array.Count > MaxScopes)
            errors.Add(("scopes", $"At most {MaxScopes} scopes."));
        for (var i = 0; i < array.Count && i < MaxScopes; i++)
        {
            var scope = array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (scope is null || !Scopes.All.Contains(scope))
                errors.Add(($"scopes[{i}]", $"Unknown scope{(scope is null ? "" : $" '{scope}'")}; known: {string.Join(", ", Scopes.All)}."));
            else if (!scopes.Contains(scope))
                scopes.Add(scope);
        }
        return (scopes, errors);
    }

    private static JsonObject Describe(StoredApiKey key)
    {
        var json = new JsonObject
        {
            ["id"] = key.Id,
            ["scopes"] = new JsonArray(key.Scopes.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            ["createdAt"] = Credentials.DataModel.CredentialDocument.FormatDateTime(key.CreatedAt),
        };
        if (key.RevokedAt is { } revoked)
            json["revokedAt"] = Credentials.DataModel.CredentialDocument.FormatDateTime(revoked);
        return json;
    }
}
