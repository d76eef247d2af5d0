using System.Text.Json.Nodes;
using VcService.Api.Http;
using VcService.Credentials.Verification;

namespace VcService.Api.Endpoints;

public static class VerifierApi
{
    public static IEndpointRouteBuilder MapVerifierApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/verify", VerifyAsync).WithTags("Verifier").AllowAnonymous().RequireRateLimiting(PublicRateLimits.Verify);
        return app;
    }

    /// <summary>
    /// Body <c>{"credential": &lt;compact JWT string | JSON object&gt;}</c>. Always 200 with a report for
    /// anything that could be a credential; 400 only when the body is not one at all.
    /// </summary>
    private static async Task<IResult> VerifyAsync(HttpContext http, JsonBody jsonBody, CredentialVerifier verifier, CancellationToken cancellationToken)
    {
        var (body, problem) = await jsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
            return problem;
        if (body is not JsonObject request || !request.TryGetPropertyValue("credential", out var credential) || credential is null)
            return Problems.Validation("The body must be {\"credential\": <compact JWT string or JSON object>}.",
                [("credential", "A credential is required.")]);
        if (credential.GetValueKind() is not (System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Object))
            return Problems.Validation("The credential must be a compact JWT string or a JSON object.",
                [("credential", $"Expected a string or an object, got {credential.GetValueKind().ToString().ToLowerInvariant()}.")]);

        var report = await verifier.VerifyAsync(credential.DeepClone(), cancellationToken);
        return TypedResults.Ok(report);
    }
}
