using System.Data.Common;
using Npgsql;
using VcService.Storage.Abstractions;
using VcService.Storage.Sql;

namespace VcService.Storage.Postgres;

/// <summary>
/// A PostgreSQL database shared by any number of service instances. Every store opens a pooled
/// connection per operation; nothing is cached in memory, so instances cannot disagree.
/// </summary>
public sealed class PostgresDatabase : SqlDatabase, IStorageDatabase, IAsyncDisposable, IDisposable
{
    /// <summary>Advisory lock keys (one 64-bit namespace per database; chosen at random, fixed forever).</summary>
    internal const long MigrationLockKey = 0x5643_5376_4D69_6731; // "VCSvMig1"

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Description { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    internal override SqlDialect Dialect => PostgresDialect.Instance;

    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    /// <summary>
    /// Applies the missing migrations of <see cref="PostgresSchema.Migrations"/> in one transaction
    /// that first takes a transaction-scoped advisory lock: a second instance starting at the same
    /// moment waits, then finds the schema current and does nothing.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS vcservice_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);
        var applied = new HashSet<int>();
        await using (var query = new NpgsqlCommand("SELECT version FROM vcservice_migrations", connection, transaction))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                applied.Add(reader.GetInt32(0));
        var newest = PostgresSchema.Migrations.Max(m => m.Version);
        if (applied.Count > 0 && applied.Max() > newest)
            throw new InvalidOperationException($"The database schema (version {applied.Max()}) is newer than this service knows ({newest}); upgrade the service.");
        foreach (var migration in PostgresSchema.Migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO vcservice_migrations (version, name) VALUES (@version, @name)", connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A session-level advisory lock (key: hash of the name) on a connection held until dispose.</summary>
    public async Task<IAsyncDisposable> AcquireLockAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended(@name, 0))", connection);
            command.Parameters.AddWithValue("name", "lock\n" + name);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new SessionLock(connection, "lock\n" + name);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    private sealed class SessionLock(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@name, 0))", connection);
                command.Parameters.AddWithValue("name", name);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                // Closing the session releases the lock in any case.
                await connection.DisposeAsync();
            }
        }
    }
}
