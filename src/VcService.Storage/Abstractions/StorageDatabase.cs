namespace VcService.Storage.Abstractions;

/// <summary>
/// The database behind the stores (SQLite file or PostgreSQL server): schema set-up at start-up,
/// named locks for work that instances sharing it must not do twice at once, and a probe.
/// </summary>
public interface IStorageDatabase
{
    /// <summary>Which database this is, for logs (never a password).</summary>
    string Description { get; }

    /// <summary>Creates or upgrades the schema; idempotent, and safe when several instances start at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A named lock held by one holder at a time among everyone using this database (PostgreSQL: every
    /// instance; SQLite: this process), e.g. <c>startup</c> while one instance seeds shared data.
    /// Released on dispose.
    /// </summary>
    Task<IAsyncDisposable> AcquireLockAsync(string name, CancellationToken cancellationToken);

    /// <summary>Whether the database answers a trivial query.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}
