using System.Data.Common;

namespace VcService.Storage.Sql;

/// <summary>
/// What the SQL stores need to know of their database: how times are stored, the few SQL
/// fragments that differ, write transactions and transaction-scoped locks. Everything else
/// (tables, columns, statements) is shared by SQLite and PostgreSQL.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The time as it reads back once stored (PostgreSQL keeps microseconds).</summary>
    public abstract DateTimeOffset AsStored(DateTimeOffset value);

    /// <summary>The parameter value that stores the time (SQLite: text; PostgreSQL: <c>timestamptz</c>).</summary>
    public abstract object Time(DateTimeOffset value);

    public object? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    /// <summary>A stored time as the provider returns it (SQLite: <see cref="string"/>; PostgreSQL: <see cref="DateTime"/>).</summary>
    public abstract DateTimeOffset ReadTime(object value);

    public DateTimeOffset? ReadOptionalTime(object? value) => value is null ? null : ReadTime(value);

    /// <summary>The column compared byte by byte, as SQLite's default BINARY collation does (PostgreSQL: <c>COLLATE "C"</c>).</summary>
    public abstract string Binary(string column);

    /// <summary>The column that orders rows by insertion (SQLite: <c>rowid</c>; PostgreSQL: an identity column <c>seq</c>).</summary>
    public abstract string InsertionOrder { get; }

    /// <summary>What ends a SELECT that is to lock the rows it reads until commit (SQLite: nothing, its write transactions exclude each other).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>
    /// What ends the credential INSERT so that a clash on the idempotency index inserts nothing
    /// (PostgreSQL), or nothing where the clash throws instead (SQLite, see <see cref="IsIdempotencyClash"/>).
    /// </summary>
    public abstract string OnIdempotencyClash { get; }

    /// <summary>Whether an INSERT into <c>credentials</c> failed on a constraint that can be the idempotency index.</summary>
    public abstract bool IsIdempotencyClash(DbException exception);

    /// <summary>Begins a transaction that writes (SQLite takes the write lock at once).</summary>
    public abstract Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A lock on <paramref name="name"/> among all users of the database, held until the transaction ends.</summary>
    public abstract Task LockUntilCommitAsync(DbTransaction transaction, string name, CancellationToken cancellationToken);

    /// <summary>As <see cref="LockUntilCommitAsync(DbTransaction, string, CancellationToken)"/>, for a lock with a fixed numeric key.</summary>
    public abstract Task LockUntilCommitAsync(DbTransaction transaction, long key, CancellationToken cancellationToken);
}
