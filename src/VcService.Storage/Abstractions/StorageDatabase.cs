namespace VcService.Storage.Abstractions;

/// <summary>
/// The database behind the stores (SQLite file or PostgreSQL server): schema set-up at start-up,
/// a start-up lock for work that instances sharing it must not do twice at once, and a probe.
/// </summary>
public interface IStorageDatabase
{
    /// <summary>Which database this is, for logs (never a password).</summary>
    string Description { get; }

    /// <summary>Creates or upgrades the schema; idempotent, and safe when several instances start at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Held while one instance initialises shared data (seeding); another instance starting at the
    /// same time waits. Released on dispose.
    /// </summary>
    Task<IAsyncDisposable> AcquireStartupLockAsync(CancellationToken cancellationToken);

    /// <summary>Whether the database answers a trivial query.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}
