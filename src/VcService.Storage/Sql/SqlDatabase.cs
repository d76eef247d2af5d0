using System.Data.Common;

namespace VcService.Storage.Sql;

/// <summary>A database the SQL stores run on: SQLite (<see cref="Sqlite.SqliteDatabase"/>) or PostgreSQL (<see cref="Postgres.PostgresDatabase"/>).</summary>
public abstract class SqlDatabase
{
    internal abstract SqlDialect Dialect { get; }

    /// <summary>An open connection, to dispose after the operation.</summary>
    internal abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
