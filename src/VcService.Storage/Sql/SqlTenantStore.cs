using System.Text.Json;
using Dapper;
using VcService.Storage.Abstractions;

namespace VcService.Storage.Sql;

public sealed class SqlTenantStore(SqlDatabase database) : ITenantStore
{
    private const string Columns = "id, legal_name_json, country, legal_identifier, deqar_id, homepage, default_profile, default_format, validation_profile, created_at, suspension_enabled, legal_identifiers_json, region, key_type, updated_at";
    private const string Values = "@Id, @LegalNameJson, @Country, @LegalIdentifier, @DeqarId, @Homepage, @DefaultProfile, @DefaultFormat, @ValidationProfile, @CreatedAt, @SuspensionEnabled, @LegalIdentifiersJson, @Region, @KeyType, @UpdatedAt";

    private SqlDialect Dialect => database.Dialect;

    public async Task<IssuerTenant?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TenantRow>(new CommandDefinition(
            $"SELECT {Columns} FROM tenants WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToTenant(Dialect);
    }

    public async Task<IReadOnlyList<IssuerTenant>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TenantRow>(new CommandDefinition(
            $"SELECT {Columns} FROM tenants ORDER BY {Dialect.Binary("id")}", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTenant(Dialect)).ToList();
    }

    public async Task<bool> TryAddAsync(IssuerTenant tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO tenants ({Columns}) VALUES ({Values}) ON CONFLICT (id) DO NOTHING",
            Parameters(tenant), cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<bool> UpdateAsync(IssuerTenant tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
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

    private object Parameters(IssuerTenant tenant) => new
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
        CreatedAt = Dialect.Time(tenant.CreatedAt),
        tenant.SuspensionEnabled,
        LegalIdentifiersJson = JsonSerializer.Serialize(tenant.LegalIdentifiers),
        tenant.Region,
        tenant.KeyType,
        UpdatedAt = Dialect.Time(tenant.UpdatedAt),
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
        public object created_at { get; set; } = "";
        public bool suspension_enabled { get; set; }
        public string? legal_identifiers_json { get; set; }
        public string? region { get; set; }
        public string? key_type { get; set; }
        public object? updated_at { get; set; }

        public IssuerTenant ToTenant(SqlDialect dialect) => new()
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
            CreatedAt = dialect.ReadTime(created_at),
            SuspensionEnabled = suspension_enabled,
            LegalIdentifiers = JsonSerializer.Deserialize<Dictionary<string, string>>(legal_identifiers_json ?? "{}") ?? [],
            Region = region,
            KeyType = key_type ?? "Ed25519",
            UpdatedAt = dialect.ReadOptionalTime(updated_at),
        };
    }
}
