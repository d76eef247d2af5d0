using VcService.Storage.Sqlite;

namespace VcService.Api.Endpoints;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (SqliteDatabase database, CancellationToken cancellationToken) =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return TypedResults.Ok(new { status = "ok" });
        }).AllowAnonymous();
        return app;
    }
}
