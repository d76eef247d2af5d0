using System.Security.Claims;
using System.Text.Json.Nodes;
using VcService.Api.Auth;
using VcService.Api.Http;
using VcService.Api.Issuance;
using VcService.Storage.Abstractions;

namespace VcService.Api.Endpoints;

public static class IssuerApi
{
    public static IEndpointRouteBuilder MapIssuerApi(this IEndpointRouteBuilder app)
    {
        var issuers = app.MapGroup("/v1/issuers/{issuerId}").RequireAuthorization().WithTags("Issuer");
        issuers.MapPost("/credentials", IssueAsync);
        issuers.MapGet("/credentials/{id}", GetAsync);
        return app;
    }

    private static async Task<IResult> IssueAsync(string issuerId, string? profile, string? format, HttpContext http,
        ClaimsPrincipal user, JsonBody jsonBody, CredentialIssuanceService issuance, CancellationToken cancellationToken)
    {
        if (TenantAccess.Check(user, issuerId, Scopes.Issue) is { } denied)
            return denied;
        var (body, problem) = await jsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
            return problem;

        var idempotencyKey = http.Request.Headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() : null;
        var outcome = await issuance.IssueAsync(issuerId, body, profile, format, idempotencyKey, cancellationToken);
        return outcome switch
        {
            IssuanceOutcome.Issued issued => TypedResults.Created(
                $"/v1/issuers/{issuerId}/credentials/{issued.Credential.Id}", Describe(issued.Credential, includeRecord: false)),
            IssuanceOutcome.Invalid invalid => Problems.Validation(
                $"The record is not a valid micro-credential: {invalid.Errors.Count} problem(s).",
                invalid.Errors.Select(e => (e.Path, e.Message))),
            IssuanceOutcome.Refused refused => Problems.Result(refused.Status, refused.Title, refused.Detail),
            _ => throw new InvalidOperationException("Unknown issuance outcome."),
        };
    }

    private static async Task<IResult> GetAsync(string issuerId, string id, ClaimsPrincipal user, ICredentialStore credentials,
        CancellationToken cancellationToken)
    {
        if (TenantAccess.Check(user, issuerId, Scopes.Read) is { } denied)
            return denied;
        var stored = await credentials.GetAsync(issuerId, id, cancellationToken);
        return stored is null
            ? Problems.Result(StatusCodes.Status404NotFound, "Not found", $"Issuer '{issuerId}' has no credential '{id}'.")
            : TypedResults.Ok(Describe(stored, includeRecord: true));
    }

    internal static JsonObject Describe(IssuedCredential credential, bool includeRecord)
    {
        var json = new JsonObject
        {
            ["id"] = credential.Id,
            ["profile"] = credential.Profile,
            ["format"] = credential.Format,
            ["issuedAt"] = Credentials.DataModel.CredentialDocument.FormatDateTime(credential.IssuedAt),
            ["credential"] = credential.Credential.StartsWith('{') ? JsonNode.Parse(credential.Credential) : JsonValue.Create(credential.Credential),
        };
        if (includeRecord)
            json["record"] = JsonNode.Parse(credential.RecordJson);
        return json;
    }
}
