using VcService.Api.Http;
using VcService.Storage.Abstractions;

namespace VcService.Api.Endpoints;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Probes whichever database is configured (SQLite file or PostgreSQL server).
        app.MapGet("/health", async (IStorageDatabase database, CancellationToken cancellationToken) =>
            await database.IsHealthyAsync(cancellationToken)
                ? TypedResults.Ok(new { status = "ok" })
                : Problems.Result(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database does not answer."))
            .AllowAnonymous();
        return app;
    }
}
