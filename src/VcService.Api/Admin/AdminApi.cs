using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Api.Auth;
using VcService.Api.Http;
using VcService.Api.Tenants;
using VcService.Crypto;
using VcService.Storage.Abstractions;

namespace VcService.Api.Admin;

/// <summary>
/// The operator's API (<c>/v1/admin</c>): issuer tenants, their API keys and their signing keys.
/// Only the admin principal (the admin API key, or an OAuth token with the admin scope) gets in.
/// </summary>
public static class AdminApi
{
    /// <summary>Admin bodies are small documents; a tighter limit than the service-wide one.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin").RequireAuthorization(VcServiceAuthentication.AdminPolicy).WithTags("Admin");
        admin.MapPost("/issuers", CreateIssuerAsync);
        admin.MapGet("/issuers", ListIssuersAsync);
        admin.MapGet("/issuers/{issuerId}", GetIssuerAsync);
        admin.MapPatch("/issuers/{issuerId}", PatchIssuerAsync);

        admin.MapPost("/issuers/{issuerId}/api-keys", ApiKeyAdmin.CreateAsync);
        admin.MapGet("/issuers/{issuerId}/api-keys", ApiKeyAdmin.ListAsync);
        admin.MapDelete("/issuers/{issuerId}/api-keys/{keyId}", ApiKeyAdmin.RevokeAsync);

        admin.MapGet("/issuers/{issuerId}/keys", SigningKeyAdmin.ListAsync);
        admin.MapPost("/issuers/{issuerId}/keys/rotate", SigningKeyAdmin.RotateAsync);
        admin.MapPost("/issuers/{issuerId}/keys/{keyId}/retire", SigningKeyAdmin.RetireAsync);
        return app;
    }

    internal static IResult IssuerNotFound(string issuerId) =>
        Problems.Result(StatusCodes.Status404NotFound, "Not found", $"There is no issuer '{issuerId}'.");

    /// <summary>Reads an optional body: empty means an empty object.</summary>
    internal static async Task<(JsonObject? Body, IResult? Problem)> ReadOptionalObjectAsync(HttpRequest request, JsonBody jsonBody, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
            return (new JsonObject(), null);
        var (body, problem) = await jsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
            return (null, problem);
        return body is JsonObject obj
            ? (obj, null)
            : (null, Problems.Validation("The body must be a JSON object.", [("", "Expected a JSON object.")]));
    }

    private static async Task<IResult> CreateIssuerAsync(HttpContext http, ClaimsPrincipal user, JsonBody jsonBody, ITenantStore tenants,
        TenantKeyService keys, TenantDids dids, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await jsonBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
            return problem;
        var (tenant, errors) = IssuerDocument.Read(body, time.GetUtcNow());
        if (tenant is null)
            return Problems.Validation($"The issuer is not valid: {errors.Count} problem(s).", errors);
        if (!await tenants.TryAddAsync(tenant, cancellationToken))
            return Problems.Result(StatusCodes.Status409Conflict, "Conflict", $"An issuer '{tenant.Id}' exists already.");

        var key = await keys.CreateKeyAsync(tenant.Id, Enum.Parse<KeyType>(tenant.KeyType), cancellationToken);
        await audit.AppendAsync(new AuditEntry
        {
            TenantId = tenant.Id,
            At = time.GetUtcNow(),
            ClientId = TenantAccess.ClientId(user),
            Action = "issuer-create",
            Detail = new JsonObject { ["keyId"] = key.KeyId, ["keyType"] = key.KeyType }.ToJsonString(),
        }, cancellationToken);
        return TypedResults.Created($"/v1/admin/issuers/{tenant.Id}", IssuerDocument.Describe(tenant, dids));
    }

    private static async Task<IResult> ListIssuersAsync(ITenantStore tenants, TenantDids dids, CancellationToken cancellationToken)
    {
        var all = await tenants.ListAsync(cancellationToken);
        return TypedResults.Ok(new JsonObject { ["issuers"] = new JsonArray(all.Select(t => (JsonNode)IssuerDocument.Describe(t, dids)).ToArray()) });
    }

    private static async Task<IResult> GetIssuerAsync(string issuerId, ITenantStore tenants, TenantDids dids, CancellationToken cancellationToken) =>
        await tenants.GetAsync(issuerId, cancellationToken) is { } tenant
            ? TypedResults.Ok(IssuerDocument.Describe(tenant, dids))
            : IssuerNotFound(issuerId);

    private static async Task<IResult> PatchIssuerAsync(string issuerId, HttpContext http, ClaimsPrincipal user, JsonBody jsonBody,
        ITenantStore tenants, TenantDids dids, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = await tenants.GetAsync(issuerId, cancellationToken);
        if (current is null)
            return IssuerNotFound(issuerId);
        var (body, problem) = await jsonBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
            return problem;
        var (updated, errors) = IssuerDocument.Patch(current, body, dids, time.GetUtcNow());
        if (updated is null)
            return Problems.Validation($"The change is not valid: {errors.Count} problem(s).", errors);
        if (!await tenants.UpdateAsync(updated, cancellationToken))
            return IssuerNotFound(issuerId);
        await audit.AppendAsync(new AuditEntry
        {
            TenantId = issuerId,
            At = time.GetUtcNow(),
            ClientId = TenantAccess.ClientId(user),
            Action = "issuer-update",
            Detail = new JsonObject { ["changed"] = new JsonArray((body as JsonObject)!.Select(p => (JsonNode)JsonValue.Create(p.Key)).ToArray()) }.ToJsonString(),
        }, cancellationToken);
        return TypedResults.Ok(IssuerDocument.Describe(updated, dids));
    }
}
