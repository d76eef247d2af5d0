using VcService.Api.Http;
using VcService.Api.Tenants;
using VcService.Storage.Abstractions;

namespace VcService.Api.Endpoints;

public static class DidApi
{
    /// <summary>did:web documents: <c>did:web:{host}:issuers:{id}</c> → <c>GET /issuers/{id}/did.json</c>.</summary>
    public static IEndpointRouteBuilder MapDidApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/issuers/{issuerId}/did.json", async (string issuerId, ITenantStore tenants, TenantKeyService keys, CancellationToken cancellationToken) =>
        {
            if (await tenants.GetAsync(issuerId, cancellationToken) is null)
                return Problems.Result(StatusCodes.Status404NotFound, "Not found", $"There is no issuer '{issuerId}'.");
            var document = await keys.GetDidDocumentAsync(issuerId, cancellationToken);
            return Results.Text(document.ToJson().ToJsonString(), "application/did+json");
        }).WithTags("DID").AllowAnonymous().RequireRateLimiting(PublicRateLimits.PublicRead);
        return app;
    }
}
