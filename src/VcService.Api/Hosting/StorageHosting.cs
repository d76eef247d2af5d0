using Microsoft.Extensions.Options;
using VcService.Api.Configuration;
using VcService.MicroCredentials.Trust;
using VcService.Storage.Abstractions;
using VcService.Storage.Postgres;
using VcService.Storage.Sql;
using VcService.Storage.Sqlite;

namespace VcService.Api.Hosting;

/// <summary>
/// Registers the stores of the configured provider (<c>VcService:Storage:Provider</c>): the
/// embedded SQLite file (default) or a PostgreSQL database shared by several instances.
/// </summary>
public static class StorageHosting
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageOptions.Read(configuration);
        if (storage.Provider == StorageOptions.Postgres)
        {
            // A factory, not an instance: the container then disposes the data source (and its pool) at shutdown.
            services.AddSingleton(_ => new PostgresDatabase(storage.ConnectionString!));
            services.AddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddSingleton<SqlDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddSingleton<PostgresRateLimitWindows>();
        }
        else
        {
            services.AddSingleton(sp => new SqliteDatabase(Path.Combine(sp.GetRequiredService<IOptions<VcServiceOptions>>().Value.DataDirectory, "vcservice.db")));
            services.AddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
            services.AddSingleton<SqlDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        }
        services.AddSingleton<ITenantStore, SqlTenantStore>();
        services.AddSingleton<IKeyStore, SqlKeyStore>();
        services.AddSingleton<ICredentialStore, SqlCredentialStore>();
        services.AddSingleton<IApiKeyStore, SqlApiKeyStore>();
        services.AddSingleton<IAuditLog, SqlAuditLog>();
        return services;
    }

    /// <summary>The DEQAR register (trust registry) of the registered provider.</summary>
    public static IDeqarRegister CreateDeqarRegister(IServiceProvider services) =>
        new SqlDeqarRegister(services.GetRequiredService<SqlDatabase>());

    /// <summary>The status list store of the registered provider, with the given list options.</summary>
    public static IStatusListStore CreateStatusListStore(IServiceProvider services, StatusListStoreOptions options) =>
        new SqlStatusListStore(services.GetRequiredService<SqlDatabase>(), options, services.GetRequiredService<TimeProvider>());
}
