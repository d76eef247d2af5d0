using Dapper;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Sql;

public sealed class SqlKeyStore(SqlDatabase database) : IKeyStore
{
    private const string Columns = "tenant_id, key_id, key_type, public_key_multibase, encrypted_private_key, created_at, active, retired_at, compromised_at, retire_reason";

    private SqlDialect Dialect => database.Dialect;

    public async Task<IReadOnlyList<StoredKey>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM signing_keys WHERE tenant_id = @tenantId ORDER BY created_at, {Dialect.Binary("key_id")}",
            new { tenantId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToKey(Dialect)).ToList();
    }

    public async Task AddAsync(StoredKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO signing_keys ({Columns}) VALUES (@TenantId, @KeyId, @KeyType, @PublicKeyMultibase, @EncryptedPrivateKey, @CreatedAt, @Active, @RetiredAt, @CompromisedAt, @RetireReason)",
            new
            {
                key.TenantId,
                key.KeyId,
                key.KeyType,
                key.PublicKeyMultibase,
                key.EncryptedPrivateKey,
                CreatedAt = Dialect.Time(key.CreatedAt),
                key.Active,
                RetiredAt = Dialect.Time(key.RetiredAt),
                CompromisedAt = Dialect.Time(key.CompromisedAt),
                key.RetireReason,
            },
            cancellationToken: cancellationToken));
    }

    public async Task DeactivateOthersAsync(string tenantId, string keyType, string exceptKeyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE signing_keys SET active = FALSE WHERE tenant_id = @tenantId AND key_type = @keyType AND key_id <> @exceptKeyId AND active = TRUE",
            new { tenantId, keyType, exceptKeyId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> RetireAsync(string tenantId, string keyId, DateTimeOffset retiredAt, DateTimeOffset? compromisedAt, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE signing_keys SET active = FALSE, retired_at = @retiredAt, compromised_at = @compromisedAt, retire_reason = @reason WHERE tenant_id = @tenantId AND key_id = @keyId AND retired_at IS NULL",
            new { tenantId, keyId, retiredAt = Dialect.Time(retiredAt), compromisedAt = Dialect.Time(compromisedAt), reason },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    private sealed class KeyRow
    {
        public string tenant_id { get; set; } = "";
        public string key_id { get; set; } = "";
        public string key_type { get; set; } = "";
        public string public_key_multibase { get; set; } = "";
        public byte[] encrypted_private_key { get; set; } = [];
        public object created_at { get; set; } = "";
        public bool active { get; set; }
        public object? retired_at { get; set; }
        public object? compromised_at { get; set; }
        public string? retire_reason { get; set; }

        public StoredKey ToKey(SqlDialect dialect) => new()
        {
            TenantId = tenant_id,
            KeyId = key_id,
            KeyType = key_type,
            PublicKeyMultibase = public_key_multibase,
            EncryptedPrivateKey = encrypted_private_key,
            CreatedAt = dialect.ReadTime(created_at),
            Active = active,
            RetiredAt = dialect.ReadOptionalTime(retired_at),
            CompromisedAt = dialect.ReadOptionalTime(compromised_at),
            RetireReason = retire_reason,
        };
    }
}
