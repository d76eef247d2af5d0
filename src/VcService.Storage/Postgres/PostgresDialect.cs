using System.Data.Common;
using Dapper;
using VcService.Storage.Sql;

namespace VcService.Storage.Postgres;

/// <summary>
/// PostgreSQL: times are <c>timestamptz</c> (microseconds, so finer ticks are cut, never rounded
/// up), booleans are <c>boolean</c>; locks are advisory locks, seen by every instance.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    private PostgresDialect() { }

    public override DateTimeOffset AsStored(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero);
    }

    public override object Time(DateTimeOffset value) => AsStored(value);

    public override DateTimeOffset ReadTime(object value) => new(DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc));

    public override string Binary(string column) => column + " COLLATE \"C\"";

    public override string InsertionOrder => "seq";

    public override string ForUpdate => " FOR UPDATE";

    // A concurrent insert with the same key (from this or another instance) waits for the first to
    // commit, then inserts nothing. A clash on the id alone still throws.
    public override string OnIdempotencyClash => " ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING";

    public override bool IsIdempotencyClash(DbException exception) => false;

    public override async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override Task LockUntilCommitAsync(DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", new { name }, transaction, cancellationToken: cancellationToken));

    public override Task LockUntilCommitAsync(DbTransaction transaction, long key, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key }, transaction, cancellationToken: cancellationToken));
}
