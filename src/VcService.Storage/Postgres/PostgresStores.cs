using System.Text.Json;
using Dapper;
using Npgsql;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Postgres;

/// <summary>Times as stored: <c>timestamptz</c> keeps microseconds, so finer ticks are cut (never rounded up).</summary>
internal static class PostgresTime
{
    public static DateTimeOffset Write(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero);
    }

    public static DateTimeOffset? Write(DateTimeOffset? value) => value is { } v ? Write(v) : null;

    public static DateTimeOffset Read(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Read(DateTime? value) => value is { } v ? Read(v) : null;
}

public sealed class PostgresTenantStore(PostgresDatabase database) : ITenantStore
{
    private const string Columns = "id, legal_name_json, country, legal_identifier, deqar_id, homepage, default_profile, default_format, validation_profile, created_at, suspension_enabled, legal_identifiers_json, region, key_type, updated_at";
    private const string Values = "@Id, @LegalNameJson, @Country, @LegalIdentifier, @DeqarId, @Homepage, @DefaultProfile, @DefaultFormat, @ValidationProfile, @CreatedAt, @SuspensionEnabled, @LegalIdentifiersJson, @Region, @KeyType, @UpdatedAt";

    public async Task<IssuerTenant?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TenantRow>(new CommandDefinition(
            $"SELECT {Columns} FROM tenants WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToTenant();
    }

    public async Task<IReadOnlyList<IssuerTenant>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // COLLATE "C": byte order, as SQLite's default BINARY collation sorts.
        var rows = await connection.QueryAsync<TenantRow>(new CommandDefinition(
            $"SELECT {Columns} FROM tenants ORDER BY id COLLATE \"C\"", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTenant()).ToList();
    }

    public async Task<bool> TryAddAsync(IssuerTenant tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO tenants ({Columns}) VALUES ({Values}) ON CONFLICT (id) DO NOTHING",
            Parameters(tenant), cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<bool> UpdateAsync(IssuerTenant tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE tenants SET legal_name_json = @LegalNameJson, country = @Country, legal_identifier = @LegalIdentifier,
                deqar_id = @DeqarId, homepage = @Homepage, default_profile = @DefaultProfile, default_format = @DefaultFormat,
                validation_profile = @ValidationProfile, suspension_enabled = @SuspensionEnabled,
                legal_identifiers_json = @LegalIdentifiersJson, region = @Region, key_type = @KeyType, updated_at = @UpdatedAt
            WHERE id = @Id
            """,
            Parameters(tenant), cancellationToken: cancellationToken));
        return changed == 1;
    }

    private static object Parameters(IssuerTenant tenant) => new
    {
        tenant.Id,
        LegalNameJson = JsonSerializer.Serialize(tenant.LegalName),
        tenant.Country,
        tenant.LegalIdentifier,
        tenant.DeqarId,
        tenant.Homepage,
        tenant.DefaultProfile,
        tenant.DefaultFormat,
        tenant.ValidationProfile,
        CreatedAt = PostgresTime.Write(tenant.CreatedAt),
        tenant.SuspensionEnabled,
        LegalIdentifiersJson = JsonSerializer.Serialize(tenant.LegalIdentifiers),
        tenant.Region,
        tenant.KeyType,
        UpdatedAt = PostgresTime.Write(tenant.UpdatedAt),
    };

    private sealed class TenantRow
    {
        public string id { get; set; } = "";
        public string legal_name_json { get; set; } = "{}";
        public string country { get; set; } = "";
        public string? legal_identifier { get; set; }
        public string? deqar_id { get; set; }
        public string? homepage { get; set; }
        public string default_profile { get; set; } = "";
        public string default_format { get; set; } = "";
        public string? validation_profile { get; set; }
        public DateTime created_at { get; set; }
        public bool suspension_enabled { get; set; }
        public string legal_identifiers_json { get; set; } = "{}";
        public string? region { get; set; }
        public string key_type { get; set; } = "Ed25519";
        public DateTime? updated_at { get; set; }

        public IssuerTenant ToTenant() => new()
        {
            Id = id,
            LegalName = JsonSerializer.Deserialize<Dictionary<string, string>>(legal_name_json) ?? [],
            Country = country,
            LegalIdentifier = legal_identifier,
            DeqarId = deqar_id,
            Homepage = homepage,
            DefaultProfile = default_profile,
            DefaultFormat = default_format,
            ValidationProfile = validation_profile,
            CreatedAt = PostgresTime.Read(created_at),
            SuspensionEnabled = suspension_enabled,
            LegalIdentifiers = JsonSerializer.Deserialize<Dictionary<string, string>>(legal_identifiers_json) ?? [],
            Region = region,
            KeyType = key_type,
            UpdatedAt = PostgresTime.Read(updated_at),
        };
    }
}

public sealed class PostgresKeyStore(PostgresDatabase database) : IKeyStore
{
    public async Task<IReadOnlyList<StoredKey>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            "SELECT tenant_id, key_id, key_type, public_key_multibase, encrypted_private_key, created_at, active, retired_at, compromised_at, retire_reason FROM signing_keys WHERE tenant_id = @tenantId ORDER BY created_at, key_id COLLATE \"C\"",
            new { tenantId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToKey()).ToList();
    }

    public async Task AddAsync(StoredKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO signing_keys (tenant_id, key_id, key_type, public_key_multibase, encrypted_private_key, created_at, active, retired_at, compromised_at, retire_reason) VALUES (@TenantId, @KeyId, @KeyType, @PublicKeyMultibase, @EncryptedPrivateKey, @CreatedAt, @Active, @RetiredAt, @CompromisedAt, @RetireReason)",
            new
            {
                key.TenantId,
                key.KeyId,
                key.KeyType,
                key.PublicKeyMultibase,
                key.EncryptedPrivateKey,
                CreatedAt = PostgresTime.Write(key.CreatedAt),
                key.Active,
                RetiredAt = PostgresTime.Write(key.RetiredAt),
                CompromisedAt = PostgresTime.Write(key.CompromisedAt),
                key.RetireReason,
            },
            cancellationToken: cancellationToken));
    }

    public async Task DeactivateOthersAsync(string tenantId, string keyType, string exceptKeyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE signing_keys SET active = false WHERE tenant_id = @tenantId AND key_type = @keyType AND key_id <> @exceptKeyId AND active",
            new { tenantId, keyType, exceptKeyId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> RetireAsync(string tenantId, string keyId, DateTimeOffset retiredAt, DateTimeOffset? compromisedAt, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE signing_keys SET active = false, retired_at = @retiredAt, compromised_at = @compromisedAt, retire_reason = @reason WHERE tenant_id = @tenantId AND key_id = @keyId AND retired_at IS NULL",
            new { tenantId, keyId, retiredAt = PostgresTime.Write(retiredAt), compromisedAt = PostgresTime.Write(compromisedAt), reason },
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
        public DateTime created_at { get; set; }
        public bool active { get; set; }
        public DateTime? retired_at { get; set; }
        public DateTime? compromised_at { get; set; }
        public string? retire_reason { get; set; }

        public StoredKey ToKey() => new()
        {
            TenantId = tenant_id,
            KeyId = key_id,
            KeyType = key_type,
            PublicKeyMultibase = public_key_multibase,
            EncryptedPrivateKey = encrypted_private_key,
            CreatedAt = PostgresTime.Read(created_at),
            Active = active,
            RetiredAt = PostgresTime.Read(retired_at),
            CompromisedAt = PostgresTime.Read(compromised_at),
            RetireReason = retire_reason,
        };
    }
}

public sealed class PostgresCredentialStore(PostgresDatabase database) : ICredentialStore
{
    private const string Columns = "id, tenant_id, profile, format, record_json, credential, issued_at, idempotency_key, request_hash";

    /// <summary>
    /// <c>ON CONFLICT … DO NOTHING</c> on the idempotency index: a concurrent insert with the same
    /// key (from this or another instance) waits for the first to commit, then inserts nothing, and
    /// the following read sees the committed row. A clash on the id alone still throws.
    /// </summary>
    public async Task<IssuedCredential> InsertOrGetByIdempotencyKeyAsync(IssuedCredential credential, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO credentials ({Columns}) VALUES (@Id, @TenantId, @Profile, @Format, @RecordJson, @Credential, @IssuedAt, @IdempotencyKey, @RequestHash)
            ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            """,
            new
            {
                credential.Id,
                credential.TenantId,
                credential.Profile,
                credential.Format,
                credential.RecordJson,
                credential.Credential,
                IssuedAt = PostgresTime.Write(credential.IssuedAt),
                credential.IdempotencyKey,
                credential.RequestHash,
            },
            cancellationToken: cancellationToken));
        if (inserted == 1)
            return credential;
        return await FindByIdempotencyKeyAsync(credential.TenantId, credential.IdempotencyKey!, cancellationToken)
            ?? throw new InvalidOperationException("Idempotency conflict without a stored credential.");
    }

    public async Task<IssuedCredential?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            $"SELECT {Columns} FROM credentials WHERE tenant_id = @tenantId AND id = @id", new { tenantId, id }, cancellationToken: cancellationToken));
        return row?.ToCredential();
    }

    public async Task<IssuedCredential?> FindByIdempotencyKeyAsync(string tenantId, string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            $"SELECT {Columns} FROM credentials WHERE tenant_id = @tenantId AND idempotency_key = @idempotencyKey",
            new { tenantId, idempotencyKey }, cancellationToken: cancellationToken));
        return row?.ToCredential();
    }

    private sealed class CredentialRow
    {
        public string id { get; set; } = "";
        public string tenant_id { get; set; } = "";
        public string profile { get; set; } = "";
        public string format { get; set; } = "";
        public string record_json { get; set; } = "";
        public string credential { get; set; } = "";
        public DateTime issued_at { get; set; }
        public string? idempotency_key { get; set; }
        public string? request_hash { get; set; }

        public IssuedCredential ToCredential() => new()
        {
            Id = id,
            TenantId = tenant_id,
            Profile = profile,
            Format = format,
            RecordJson = record_json,
            Credential = credential,
            IssuedAt = PostgresTime.Read(issued_at),
            IdempotencyKey = idempotency_key,
            RequestHash = request_hash,
        };
    }
}

public sealed class PostgresApiKeyStore(PostgresDatabase database) : IApiKeyStore
{
    private const string Columns = "id, tenant_id, secret_hash, scopes, created_at, revoked_at";

    public async Task AddAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO api_keys ({Columns}) VALUES (@Id, @TenantId, @SecretHash, @Scopes, @CreatedAt, @RevokedAt)",
            new
            {
                key.Id,
                key.TenantId,
                key.SecretHash,
                Scopes = string.Join(' ', key.Scopes),
                CreatedAt = PostgresTime.Write(key.CreatedAt),
                RevokedAt = PostgresTime.Write(key.RevokedAt),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<StoredApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE secret_hash = @secretHash", new { secretHash }, cancellationToken: cancellationToken));
        return row?.ToKey();
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE tenant_id = @tenantId ORDER BY created_at", new { tenantId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToKey()).ToList();
    }

    public async Task<bool> RevokeAsync(string tenantId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @revokedAt WHERE tenant_id = @tenantId AND id = @keyId AND revoked_at IS NULL",
            new { tenantId, keyId, revokedAt = PostgresTime.Write(revokedAt) }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    private sealed class ApiKeyRow
    {
        public string id { get; set; } = "";
        public string tenant_id { get; set; } = "";
        public string secret_hash { get; set; } = "";
        public string scopes { get; set; } = "";
        public DateTime created_at { get; set; }
        public DateTime? revoked_at { get; set; }

        public StoredApiKey ToKey() => new()
        {
            Id = id,
            TenantId = tenant_id,
            SecretHash = secret_hash,
            Scopes = scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            CreatedAt = PostgresTime.Read(created_at),
            RevokedAt = PostgresTime.Read(revoked_at),
        };
    }
}
