using Dapper;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Sql;

public sealed class SqlApiKeyStore(SqlDatabase database) : IApiKeyStore
{
    private const string Columns = "id, tenant_id, secret_hash, scopes, created_at, revoked_at";

    private SqlDialect Dialect => database.Dialect;

    public async Task AddAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO api_keys ({Columns}) VALUES (@Id, @TenantId, @SecretHash, @Scopes, @CreatedAt, @RevokedAt)",
            new
            {
                key.Id,
                key.TenantId,
                key.SecretHash,
                Scopes = string.Join(' ', key.Scopes),
                CreatedAt = Dialect.Time(key.CreatedAt),
                RevokedAt = Dialect.Time(key.RevokedAt),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<StoredApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE secret_hash = @secretHash", new { secretHash }, cancellationToken: cancellationToken));
        return row?.ToKey(Dialect);
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE tenant_id = @tenantId ORDER BY created_at", new { tenantId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToKey(Dialect)).ToList();
    }

    public async Task<bool> RevokeAsync(string tenantId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @revokedAt WHERE tenant_id = @tenantId AND id = @keyId AND revoked_at IS NULL",
            new { tenantId, keyId, revokedAt = Dialect.Time(revokedAt) }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    private sealed class ApiKeyRow
    {
        public string id { get; set; } = "";
        public string tenant_id { get; set; } = "";
        public string secret_hash { get; set; } = "";
        public string scopes { get; set; } = "";
        public object created_at { get; set; } = "";
        public object? revoked_at { get; set; }

        public StoredApiKey ToKey(SqlDialect dialect) => new()
        {
            Id = id,
            TenantId = tenant_id,
            SecretHash = secret_hash,
            Scopes = scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            CreatedAt = dialect.ReadTime(created_at),
            RevokedAt = dialect.ReadOptionalTime(revoked_at),
        };
    }
}
