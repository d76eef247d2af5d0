using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using VcService.Storage.Sql;

namespace VcService.Storage.Sqlite;

/// <summary>
/// SQLite: times are ISO 8601 text in UTC with seven fractional digits (so they sort as text and
/// keep every tick), booleans are integers 0 and 1 (the driver binds <see cref="bool"/> so).
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect() { }

    public override DateTimeOffset AsStored(DateTimeOffset value) => value;

    public override object Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTime(object value) =>
        DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override string Binary(string column) => column;

    public override string InsertionOrder => "rowid";

    public override string ForUpdate => "";

    public override string OnIdempotencyClash => "";

    // SQLITE_CONSTRAINT: SQLite does not say which constraint, so any is taken for a clash on the key.
    public override bool IsIdempotencyClash(DbException exception) => exception is SqliteException { SqliteErrorCode: 19 };

    // BEGIN IMMEDIATE: take the write lock now, not at the first write (no upgrade deadlocks between readers).
    public override Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    // One writer at a time already: a write transaction holds the database's write lock.
    public override Task LockUntilCommitAsync(DbTransaction transaction, string name, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task LockUntilCommitAsync(DbTransaction transaction, long key, CancellationToken cancellationToken) => Task.CompletedTask;
}
