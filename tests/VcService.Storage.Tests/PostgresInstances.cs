using Dapper;
using Npgsql;
using VcService.Api.Tests;
using VcService.Crypto.KeyProtection;

namespace VcService.Storage.Tests;

/// <summary>
/// Service instances on one throwaway PostgreSQL database (<c>VcService:Storage:Provider=postgres</c>): each with its
/// own data directory and pools, all with one master key, as a deployment of several instances runs them.
/// </summary>
public sealed class PostgresInstances : IDisposable
{
    private readonly string _masterKey = AesGcmKeyProtector.GenerateMasterKeyText();
    private readonly List<ServiceFactory> _factories = [];

    public string ConnectionString { get; private set; } = "";

    public async Task CreateDatabaseAsync() => ConnectionString = await PostgresCluster.Shared.CreateDatabaseAsync();

    /// <summary>A new instance on the database, with <paramref name="settings"/> added to the storage settings.</summary>
    public ServiceFactory Start(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["VcService:Storage:Provider"] = "postgres",
            ["VcService:Storage:ConnectionString"] = ConnectionString,
            ["VcService:MasterKey"] = _masterKey,
        };
        var factory = new ServiceFactory(time: time, settings: all);
        _factories.Add(factory);
        return factory;
    }

    /// <summary>Drops the database under the running instances (their pools cleared first).</summary>
    public async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.ExecuteAsync($"DROP DATABASE {database} WITH (FORCE)");
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
            factory.Dispose();
    }
}
