using System.Data.Common;
using Dapper;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Sql;

/// <summary>The audit log: INSERT and SELECT only; triggers of the schema refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE).</summary>
public sealed class SqlAuditLog(SqlDatabase database) : IAuditLog
{
    /// <summary>Most entries one listing returns.</summary>
    public const int MaxPageSize = 1_000;

    public async Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var sequence = await InsertAsync(connection, null, database.Dialect, entry, cancellationToken);
        return entry with { Sequence = sequence };
    }

    internal static Task<long> InsertAsync(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, AuditEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO audit_log (tenant_id, at, client_id, credential_id, action, reason, detail) VALUES (@TenantId, @At, @ClientId, @CredentialId, @Action, @Reason, @Detail) RETURNING seq",
            new
            {
                entry.TenantId,
                At = dialect.Time(entry.At),
                entry.ClientId,
                entry.CredentialId,
                entry.Action,
                entry.Reason,
                entry.Detail,
            },
            transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, int limit, long? before, string? credentialId, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Typed casts: PostgreSQL cannot infer the type of a parameter that is only compared with NULL.
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            """
            SELECT seq, tenant_id, at, client_id, credential_id, action, reason, detail FROM audit_log
            WHERE tenant_id = @tenantId AND (CAST(@before AS bigint) IS NULL OR seq < CAST(@before AS bigint))
              AND (CAST(@credentialId AS text) IS NULL OR credential_id = CAST(@credentialId AS text))
            ORDER BY seq DESC LIMIT @limit
            """,
            new { tenantId, before, credentialId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry(database.Dialect)).ToList();
    }

    private sealed class AuditRow
    {
        public long seq { get; set; }
        public string tenant_id { get; set; } = "";
        public object at { get; set; } = "";
        public string client_id { get; set; } = "";
        public string? credential_id { get; set; }
        public string action { get; set; } = "";
        public string? reason { get; set; }
        public string? detail { get; set; }

        public AuditEntry ToEntry(SqlDialect dialect) => new()
        {
            Sequence = seq,
            TenantId = tenant_id,
            At = dialect.ReadTime(at),
            ClientId = client_id,
            CredentialId = credential_id,
            Action = action,
            Reason = reason,
            Detail = detail,
        };
    }
}
