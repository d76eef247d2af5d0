using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using VcService.Storage.Abstractions;
using VcService.Storage.Sql;

namespace VcService.Storage.Sqlite;

/// <summary>
/// The embedded SQLite database (WAL journal). One connection per operation; SQLite's own pooling
/// makes that cheap, and WAL lets readers run beside the single writer.
/// </summary>
public sealed class SqliteDatabase : SqlDatabase, IStorageDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public string Description => $"SQLite {Path}";

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    internal override SqlDialect Dialect => SqliteDialect.Instance;

    internal override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    /// <summary>Creates the schema (idempotent) and switches the file to WAL.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.Script;
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = SqliteTrustSchema.Script;
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var (table, column, definition) in SqliteSchema.AddedColumns)
            await AddColumnIfMissingAsync(connection, table, column, definition, cancellationToken);
    }

    /// <summary>Process-wide locks per database file and name (SQLite is the single-instance option).</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> AcquireLockAsync(string name, CancellationToken cancellationToken)
    {
        var semaphore = Locks.GetOrAdd(Path + "\n" + name, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Held(semaphore);
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return await command.ExecuteScalarAsync(cancellationToken) is 1L;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private sealed class Held(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                semaphore.Release();
            return ValueTask.CompletedTask;
        }
    }

    private static async Task AddColumnIfMissingAsync(SqliteConnection connection, string table, string column, string definition, CancellationToken cancellationToken)
    {
        using var info = connection.CreateCommand();
        info.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if ((long)(await info.ExecuteScalarAsync(cancellationToken))! > 0)
            return;
        using var alter = connection.CreateCommand();
        alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
        await alter.ExecuteNonQueryAsync(cancellationToken);
    }
}
