using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using VcService.Storage.Postgres;
using VcService.Storage.Sqlite;

namespace VcService.Storage.Tests;

/// <summary>The contract suite on the embedded SQLite file (temporary directory).</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "vcservice-tests", Guid.NewGuid().ToString("N"), "vcservice.db");

    protected override Task CreateEmptyDatabaseAsync() => Task.CompletedTask;

    protected override StoreSet OpenInstance(TimeProvider time, int listSize) =>
        StoreSet.Over(new SqliteDatabase(_path), time, listSize, () => ValueTask.CompletedTask);

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await new SqliteDatabase(_path).OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = await new SqliteDatabase(_path).OpenAsync(default);
        await connection.ExecuteAsync(sql);
    }

    protected override bool IsDatabaseError(Exception e) => e is SqliteException;
}

/// <summary>The contract suite on PostgreSQL: a fresh database per test in the throwaway cluster.</summary>
public sealed class PostgresStoreContractTests : StoreContractTests, IRunsOnPostgres
{
    private string _connectionString = "";

    protected override async Task CreateEmptyDatabaseAsync() => _connectionString = await PostgresCluster.Shared.CreateDatabaseAsync();

    protected override StoreSet OpenInstance(TimeProvider time, int listSize)
    {
        var database = new PostgresDatabase(_connectionString);
        return StoreSet.Over(database, time, listSize, database.DisposeAsync);
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    protected override bool IsDatabaseError(Exception e) => e is PostgresException;
}
