using Dapper;
using FluentAssertions;
using Npgsql;
using VcService.Storage.Postgres;

namespace VcService.Storage.Tests;

/// <summary>The versioned PostgreSQL schema: recorded, applied once, and a newer database refused.</summary>
public sealed class PostgresMigrationTests
{
    [PostgresFact]
    public async Task Every_migration_is_recorded_once_and_a_newer_schema_is_refused()
    {
        var connectionString = await PostgresCluster.Shared.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(connectionString);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => database.MigrateAsync(default))));
        await database.MigrateAsync(default);

        await using var connection = new NpgsqlConnection(connectionString);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM vcservice_migrations ORDER BY version")).ToList();
        versions.Should().Equal(Enumerable.Range(1, versions.Count), "versions run 1, 2, … without gaps, each once");

        await connection.ExecuteAsync("INSERT INTO vcservice_migrations (version, name) VALUES (9999, 'from the future')");
        var migrate = async () => await database.MigrateAsync(default);
        (await migrate.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("newer");
    }
}
