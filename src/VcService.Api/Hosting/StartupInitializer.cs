using Microsoft.Extensions.Options;
using VcService.Api.Auth;
using VcService.Api.Configuration;
using VcService.Api.Tenants;
using VcService.Crypto;
using VcService.Storage.Abstractions;

namespace VcService.Api.Hosting;

/// <summary>
/// Runs before the server listens: creates or upgrades the database schema and seeds the demo issuer tenant
/// (<c>demo</c>) with its own Ed25519 key and an API key.
/// </summary>
public sealed class StartupInitializer(
    IStorageDatabase database,
    ITenantStore tenants,
    IKeyStore keys,
    IApiKeyStore apiKeys,
    TenantKeyService tenantKeys,
    IOptions<VcServiceOptions> options,
    TimeProvider time,
    ILogger<StartupInitializer> logger) : IHostedService
{
    public const string DemoTenantId = "demo";
    public const string DemoApiKeyFileName = "demo-api-key";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database ready: {Database}", database.Description);
        // Instances sharing a database (PostgreSQL) seed one after the other, so no key is made twice.
        await using var startup = await database.AcquireLockAsync("startup", cancellationToken);
        if (options.Value.Demo.Enabled)
            await SeedDemoAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedDemoAsync(CancellationToken cancellationToken)
    {
        await tenants.TryAddAsync(new IssuerTenant
        {
            Id = DemoTenantId,
            LegalName = new Dictionary<string, string> { ["en"] = "Demo University of Applied Sciences" },
            Country = "BE",
            LegalIdentifier = "BE0000000097",
            Homepage = "https://demo-university.example",
            CreatedAt = time.GetUtcNow(),
            SuspensionEnabled = true,
        }, cancellationToken);
        if ((await keys.ListAsync(DemoTenantId, cancellationToken)).Count == 0)
            await tenantKeys.CreateKeyAsync(DemoTenantId, KeyType.Ed25519, cancellationToken);
        await EnsureDemoApiKeyAsync(cancellationToken);
    }

    private async Task EnsureDemoApiKeyAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.Demo.ApiKey;
        var file = Path.Combine(options.Value.DataDirectory, DemoApiKeyFileName);
        string secret;
        if (!string.IsNullOrWhiteSpace(configured))
            secret = configured.Trim();
        else if (File.Exists(file))
            secret = File.ReadAllText(file).Trim();
        else
        {
            secret = ApiKeys.Generate();
            MasterKey.WriteSecretFile(file, secret + "\n");
            logger.LogInformation("Generated the demo issuer's API key in {File}", Path.GetFullPath(file));
        }
        if (secret.Length > ApiKeys.MaxLength)
            throw new InvalidOperationException($"VcService:Demo:ApiKey is longer than {ApiKeys.MaxLength} characters.");

        var hash = ApiKeys.Hash(secret);
        var existing = await apiKeys.FindBySecretHashAsync(hash, cancellationToken);
        if (existing is { RevokedAt: null })
            return;
        // A different demo key was configured: the earlier demo keys stop working.
        foreach (var old in await apiKeys.ListAsync(DemoTenantId, cancellationToken))
            if (old.Id.StartsWith("demo-", StringComparison.Ordinal) && old.RevokedAt is null)
                await apiKeys.RevokeAsync(DemoTenantId, old.Id, time.GetUtcNow(), cancellationToken);
        if (existing is null)
            await apiKeys.AddAsync(new StoredApiKey
            {
                Id = "demo-" + Guid.NewGuid().ToString("N")[..12],
                TenantId = DemoTenantId,
                SecretHash = hash,
                Scopes = Scopes.All,
                CreatedAt = time.GetUtcNow(),
            }, cancellationToken);
    }
}
