using System.Data.Common;
using Dapper;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Sql;

public sealed class SqlCredentialStore(SqlDatabase database) : ICredentialStore
{
    private const string Columns = "id, tenant_id, profile, format, record_json, credential, issued_at, idempotency_key, request_hash";

    private SqlDialect Dialect => database.Dialect;

    /// <summary>
    /// A clash on the idempotency index (tenant, key) inserts nothing (<see cref="SqlDialect.OnIdempotencyClash"/>)
    /// or throws (<see cref="SqlDialect.IsIdempotencyClash"/>); either way the stored credential is returned.
    /// </summary>
    public async Task<IssuedCredential> InsertOrGetByIdempotencyKeyAsync(IssuedCredential credential, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        int inserted;
        try
        {
            inserted = await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO credentials ({Columns}) VALUES (@Id, @TenantId, @Profile, @Format, @RecordJson, @Credential, @IssuedAt, @IdempotencyKey, @RequestHash){Dialect.OnIdempotencyClash}",
                new
                {
                    credential.Id,
                    credential.TenantId,
                    credential.Profile,
                    credential.Format,
                    credential.RecordJson,
                    credential.Credential,
                    IssuedAt = Dialect.Time(credential.IssuedAt),
                    credential.IdempotencyKey,
                    credential.RequestHash,
                },
                cancellationToken: cancellationToken));
        }
        catch (DbException e) when (credential.IdempotencyKey is not null && Dialect.IsIdempotencyClash(e))
        {
            return await FindByIdempotencyKeyAsync(credential.TenantId, credential.IdempotencyKey, cancellationToken)
                ?? throw new InvalidOperationException("Idempotency conflict without a stored credential.", e);
        }
        if (inserted == 1)
            return credential;
        return await FindByIdempotencyKeyAsync(credential.TenantId, credential.IdempotencyKey!, cancellationToken)
            ?? throw new InvalidOperationException("Idempotency conflict without a stored credential.");
    }

    public async Task<IssuedCredential?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            $"SELECT {Columns} FROM credentials WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }, cancellationToken: cancellationToken));
        return row?.ToCredential(Dialect);
    }

    public async Task<IssuedCredential?> FindByIdempotencyKeyAsync(string tenantId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            $"SELECT {Columns} FROM credentials WHERE tenant_id = @tenantId AND idempotency_key = @idempotencyKey",
            new { tenantId, idempotencyKey }, cancellationToken: cancellationToken));
        return row?.ToCredential(Dialect);
    }

    private sealed class CredentialRow
    {
        public string id { get; set; } = "";
        public string tenant_id { get; set; } = "";
        public string profile { get; set; } = "";
        public string format { get; set; } = "";
        public string record_json { get; set; } = "";
        public string credential { get; set; } = "";
        public object issued_at { get; set; } = "";
        public string? idempotency_key { get; set; }
        public string? request_hash { get; set; }

        public IssuedCredential ToCredential(SqlDialect dialect) => new()
        {
            Id = id,
            TenantId = tenant_id,
            Profile = profile,
            Format = format,
            RecordJson = record_json,
            Credential = credential,
            IssuedAt = dialect.ReadTime(issued_at),
            IdempotencyKey = idempotency_key,
            RequestHash = request_hash,
        };
    }
}
