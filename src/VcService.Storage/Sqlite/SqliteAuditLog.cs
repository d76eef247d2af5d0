using Dapper;
using Microsoft.Data.Sqlite;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Sqlite;

/// <summary>The audit log in SQLite: INSERT and SELECT only; triggers refuse UPDATE and DELETE.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    /// <summary>Most entries one listing returns.</summary>
    public const int MaxPageSize = 1_000;

    public async Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sequence = await InsertAsync(connection, null, entry, cancellationToken);
        return entry with { Sequence = sequence };
    }

    internal static Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO audit_log (tenant_id, at, client_id, credential_id, action, reason, detail) VALUES (@TenantId, @At, @ClientId, @CredentialId, @Action, @Reason, @Detail) RETURNING seq",
            new
            {
                entry.TenantId,
                At = SqliteText.Time(entry.At),
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
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            """
            SELECT seq, tenant_id, at, client_id, credential_id, action, reason, detail FROM audit_log
            WHERE tenant_id = @tenantId AND (@before IS NULL OR seq < @before) AND (@credentialId IS NULL OR credential_id = @credentialId)
            ORDER BY seq DESC LIMIT @limit
            """,
            new { tenantId, before, credentialId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private sealed class AuditRow
    {
        public long seq { get; set; }
        public string tenant_id { get; set; } = "";
        public string at { get; set; } = "";
        public string client_id { get; set; } = "";
        public string? credential_id { get; set; }
        public string action { get; set; } = "";
        public string? reason { get; set; }
        public string? detail { get; set; }

        public AuditEntry ToEntry() => new()
        {
            Sequence = seq,
            TenantId = tenant_id,
            At = SqliteText.Time(at),
            ClientId = client_id,
            CredentialId = credential_id,
            Action = action,
            Reason = reason,
            Detail = detail,
        };
    }
}
