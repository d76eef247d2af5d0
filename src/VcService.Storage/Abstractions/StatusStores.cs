namespace VcService.Storage.Abstractions;

/// <summary>
/// Status lists (W3C Bitstring Status List / StatusList2021) and their index allocations. Indices
/// are drawn at random among the unused ones and never reused; allocation is atomic across
/// concurrent requests (and, for a shared database, across instances).
/// </summary>
public interface IStatusListStore
{
    /// <summary>
    /// Allocates a random unused index of the tenant's open list for the purpose and list type
    /// (opening a new list when the current one is full) and records it for the credential.
    /// </summary>
    Task<StatusAllocation> AllocateAsync(string tenantId, string purpose, string listType, string credentialId, CancellationToken cancellationToken);

    /// <summary>The status entries of a credential, in allocation order.</summary>
    Task<IReadOnlyList<StatusAllocation>> GetAllocationsAsync(string tenantId, string credentialId, CancellationToken cancellationToken);

    Task<StoredStatusList?> GetListAsync(string tenantId, string listId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the bit changes in one transaction: each list whose bits changed gets its version
    /// incremented, and <paramref name="audit"/> is appended when anything changed. Returns, per
    /// update, whether it changed the bit.
    /// </summary>
    Task<IReadOnlyList<bool>> SetBitsAsync(string tenantId, IReadOnlyList<StatusBitUpdate> updates, AuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>Caches the signed form of a list version (ignored when a newer version was cached meanwhile).</summary>
    Task SaveSignedAsync(string tenantId, string listId, SignedStatusList signed, CancellationToken cancellationToken);
}

/// <summary>The append-only audit log: there is no way to change or delete an entry.</summary>
public interface IAuditLog
{
    /// <summary>Appends the entry; returns it with its sequence number.</summary>
    Task<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The tenant's entries, newest first, at most <paramref name="limit"/>, older than <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, int limit, long? before, string? credentialId, CancellationToken cancellationToken);
}
