using VcService.MicroCredentials.Trust;
using VcService.Storage.Abstractions;

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
}
