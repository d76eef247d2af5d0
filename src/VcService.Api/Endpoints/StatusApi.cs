using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VcService.Api.Auth;
using VcService.Api.Http;
using VcService.Api.Status;
using VcService.Storage.Abstractions;

namespace VcService.Api.Endpoints;

public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/status/{issuerId}/{listId}", GetListAsync).WithTags("Status").AllowAnonymous().RequireRateLimiting(PublicRateLimits.PublicRead);

        var issuers = app.MapGroup("/v1/issuers/{issuerId}").RequireAuthorization().WithTags("Issuer");
        issuers.MapPost("/credentials/{id}/status", ChangeAsync);
        issuers.MapGet("/credentials/{id}/status", GetStateAsync);
        issuers.MapGet("/audit", ListAuditAsync);
        return app;
    }

    /// <summary>The signed status list credential, with an ETag and Cache-Control; 304 when If-None-Match matches.</summary>
    private static async Task<IResult> GetListAsync(string issuerId, string listId, HttpContext http, StatusListPublisher publisher,
        IOptions<StatusListOptions> options, CancellationToken cancellationToken)
    {
        SignedStatusList? signed;
        try
        {
            signed = await publisher.GetSignedAsync(issuerId, listId, cancellationToken);
        }
        catch (StatusListSigningException e)
        {
            return Problems.Result(e.Status, "Status list unavailable", e.Message);
        }
        if (signed is null)
            return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"Issuer '{issuerId}' has no status list '{listId}'.");

        var headers = http.Response.Headers;
        headers.ETag = signed.ETag;
        headers.CacheControl = $"public, max-age={options.Value.CacheMaxAgeSeconds}";
        headers.LastModified = signed.SignedAt.ToString("R");
        // Public data that browser wallets and verifiers on other origins fetch.
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlExposeHeaders = "ETag, Cache-Control";
        if (IfNoneMatch(http.Request, signed.ETag))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return Results.Text(signed.Credential, signed.MediaType);
    }

    private static bool IfNoneMatch(HttpRequest request, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
            return false;
        var current = EntityTagHeaderValue.Parse(etag);
        // RFC 9110 §13.1.2: weak comparison.
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>Body <c>{"action": "revoke" | "suspend" | "reinstate", "reason": "…"}</c>.</summary>
    private static async Task<IResult> ChangeAsync(string issuerId, string id, HttpContext http, ClaimsPrincipal user, JsonBody jsonBody,
        CredentialStatusService status, IOptions<StatusListOptions> options, CancellationToken cancellationToken)
    {
        if (TenantAccess.Check(user, issuerId, Scopes.Status) is { } denied)
            return denied;
        var (body, problem) = await jsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
            return problem;

        var errors = new List<(string Path, string Message)>();
        string? action = null, reason = null;
        if (body is not JsonObject request)
            errors.Add(("", "The body must be a JSON object {\"action\": …, \"reason\": …}."));
        else
        {
            action = request["action"] is JsonValue a && a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : null;
            if (action is null || !StatusActions.All.Contains(action))
                errors.Add(("action", $"action must be one of: {string.Join(", ", StatusActions.All)}."));
            reason = request["reason"] is JsonValue r && r.GetValueKind() == JsonValueKind.String ? r.GetValue<string>().Trim() : null;
            if (string.IsNullOrEmpty(reason))
                errors.Add(("reason", "A reason (non-empty text) is required; it is kept in the audit log."));
            else if (reason.Length > options.Value.MaxReasonLength)
                errors.Add(("reason", $"The reason is longer than {options.Value.MaxReasonLength} characters."));
        }
        if (errors.Count > 0)
            return Problems.Validation("The status change request is not valid.", errors);

        var outcome = await status.ChangeAsync(issuerId, id, action!, reason!, TenantAccess.ClientId(user), cancellationToken);
        return outcome switch
        {
            StatusChangeOutcome.Done done => TypedResults.Ok(Describe(id, done.State, action, done.Changed)),
            StatusChangeOutcome.NotFound notFound => Problems.Result(StatusCodes.Status404NotFound, "Not found", notFound.Detail),
            StatusChangeOutcome.Conflict conflict => Problems.Result(StatusCodes.Status409Conflict, "Status change refused", conflict.Detail),
            _ => throw new InvalidOperationException("Unknown status change outcome."),
        };
    }

    private static async Task<IResult> GetStateAsync(string issuerId, string id, ClaimsPrincipal user, CredentialStatusService status,
        CancellationToken cancellationToken)
    {
        if (TenantAccess.Check(user, issuerId, Scopes.Read) is { } denied)
            return denied;
        var state = await status.GetStateAsync(issuerId, id, cancellationToken);
        return state is null
            ? Problems.Result(StatusCodes.Status404NotFound, "Not found", $"Issuer '{issuerId}' has no credential '{id}'.")
            : TypedResults.Ok(Describe(id, state, action: null, changed: null));
    }

    private static JsonObject Describe(string id, CredentialStatusState state, string? action, bool? changed)
    {
        var json = new JsonObject { ["id"] = id };
        if (action is not null)
            json["action"] = action;
        if (changed is not null)
            json["changed"] = changed;
        json["revoked"] = state.Revoked;
        json["suspended"] = state.Suspended;
        json["entries"] = new JsonArray(state.Entries.Select(e => (JsonNode)new JsonObject
        {
            ["statusPurpose"] = e.Purpose,
            ["statusList"] = e.ListId,
            ["statusListIndex"] = e.Index,
        }).ToArray());
        return json;
    }

    /// <summary>Newest first; <c>?limit=</c> (default 100), <c>?before=</c> (a sequence number, for the next page), <c>?credentialId=</c>.</summary>
    private static async Task<IResult> ListAuditAsync(string issuerId, int? limit, long? before, string? credentialId, ClaimsPrincipal user,
        IAuditLog audit, CancellationToken cancellationToken)
    {
        if (TenantAccess.Check(user, issuerId, Scopes.Read) is { } denied)
            return denied;
        var entries = await audit.ListAsync(issuerId, limit ?? 100, before, credentialId, cancellationToken);
        var items = new JsonArray(entries.Select(e => (JsonNode)new JsonObject
        {
            ["sequence"] = e.Sequence,
            ["at"] = Credentials.DataModel.CredentialDocument.FormatDateTime(e.At),
            ["clientId"] = e.ClientId,
            ["credentialId"] = e.CredentialId,
            ["action"] = e.Action,
            ["reason"] = e.Reason,
            ["detail"] = e.Detail is null ? null : JsonNode.Parse(e.Detail),
        }).ToArray());
        var page = new JsonObject { ["entries"] = items };
        if (entries.Count > 0 && entries.Count == Math.Clamp(limit ?? 100, 1, Storage.Sql.SqlAuditLog.MaxPageSize))
            page["next"] = $"/v1/issuers/{issuerId}/audit?before={entries[^1].Sequence}" + (credentialId is null ? "" : $"&credentialId={Uri.EscapeDataString(credentialId)}");
        return TypedResults.Ok(page);
    }
}
