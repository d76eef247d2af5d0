using Dapper;
using Npgsql;
using VcService.Storage.Abstractions;
using VcService.Storage.Sqlite;

namespace VcService.Storage.Postgres;

/// <summary>The audit log in PostgreSQL: INSERT and SELECT only; triggers refuse UPDATE, DELETE and TRUNCATE.</summary>
public sealed class PostgresAuditLog(PostgresDatabase database) : IAuditLog
{
    /// <summary>Most entries one listing returns (as for SQLite).</summary>
    public const int MaxPageSize = SqliteAuditLog.MaxPageSize;

    public async Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sequence = await InsertAsync(connection, null, entry, cancellationToken);
        return entry with { Sequence = sequence };
    }

    internal static Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO audit_log (tenant_id, at, client_id, credential_id, action, reason, detail) VALUES (@TenantId, @At, @ClientId, @CredentialId, @Action, @Reason, @Detail) RETURNING seq",
            new
            {
                entry.TenantId,
                At = PostgresTime.Write(entry.At),
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
        await using var connection = await database.OpenAsync(cancellationToken);
        // Typed casts: PostgreSQL cannot infer the type of a parameter that is only compared with NULL.
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            """
            SELECT seq, tenant_id, at, client_id, credential_id, action, reason, detail FROM audit_log
            WHERE tenant_id = @tenantId AND (@before::bigint IS NULL OR seq < @before::bigint) AND (@credentialId::text IS NULL OR credential_id = @credentialId::text)
            ORDER BY seq DESC LIMIT @limit
            """,
            new { tenantId, before, credentialId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private sealed class AuditRow
    {
        public long seq { get; set; }
        public string tenant_id { get; set; } = "";
        public DateTime at { get; set; }
        public string client_id { get; set; } = "";
        public string? credential_id { get; set; }
        public string action { get; set; } = "";
        public string? reason { get; set; }
        public string? detail { get; set; }

        public AuditEntry ToEntry() => new()
        {
            Sequence = seq,
            TenantId = tenant_id,
            At = PostgresTime.Read(at),
            ClientId = client_id,
            CredentialId = credential_id,
            Action = action,
            Reason = reason,
            Detail = detail,
        };
    }
}
