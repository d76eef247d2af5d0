using VcService.MicroCredentials.Trust;
using VcService.Storage.Abstractions;
using VcService.Storage.Sql;

namespace VcService.Storage.Tests;

/// <summary>
/// The stores of one "service instance": its own database object (own connection pool) over the
/// shared database, as a separate API process would have.
/// </summary>
public sealed class StoreSet(Func<ValueTask> dispose) : IAsyncDisposable
{
    public required IStorageDatabase Database { get; init; }
    public required ITenantStore Tenants { get; init; }
    public required IKeyStore Keys { get; init; }
    public required ICredentialStore Credentials { get; init; }
    public required IApiKeyStore ApiKeys { get; init; }
    public required IStatusListStore StatusLists { get; init; }
    public required IAuditLog Audit { get; init; }
    public required IDeqarRegister Deqar { get; init; }

    public ValueTask DisposeAsync() => dispose();

    /// <summary>The stores over <paramref name="database"/>, with status lists of <paramref name="listSize"/> entries.</summary>
    public static StoreSet Over<TDatabase>(TDatabase database, TimeProvider time, int listSize, Func<ValueTask> dispose)
        where TDatabase : SqlDatabase, IStorageDatabase => new(dispose)
    {
        Database = database,
        Tenants = new SqlTenantStore(database),
        Keys = new SqlKeyStore(database),
        Credentials = new SqlCredentialStore(database),
        ApiKeys = new SqlApiKeyStore(database),
        StatusLists = new SqlStatusListStore(database, new StatusListStoreOptions { ListSize = listSize }, time),
        Audit = new SqlAuditLog(database),
        Deqar = new SqlDeqarRegister(database),
    };
}
