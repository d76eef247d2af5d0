namespace VcService.Storage.Abstractions;

public interface ITenantStore
{
    Task<IssuerTenant?> GetAsync(string id, CancellationToken cancellationToken);
    Task<IReadOnlyList<IssuerTenant>> ListAsync(CancellationToken cancellationToken);
    /// <summary>Inserts the tenant; returns false when a tenant with that id exists.</summary>
    Task<bool> TryAddAsync(IssuerTenant tenant, CancellationToken cancellationToken);
    /// <summary>Replaces the stored tenant of that id (its id and creation time stay); returns false when there is none.</summary>
    Task<bool> UpdateAsync(IssuerTenant tenant, CancellationToken cancellationToken);
}

public interface IKeyStore
{
    /// <summary>All keys of the tenant, oldest first (retired ones included: they stay in the DID document).</summary>
    Task<IReadOnlyList<StoredKey>> ListAsync(string tenantId, CancellationToken cancellationToken);
    Task AddAsync(StoredKey key, CancellationToken cancellationToken);
    /// <summary>Marks the other active keys of that type inactive (they stay published); used after a rotation.</summary>
    Task DeactivateOthersAsync(string tenantId, string keyType, string exceptKeyId, CancellationToken cancellationToken);
    /// <summary>Retires the key (inactive, with retirement time, optional compromise time and reason); false when there is no such unretired key.</summary>
    Task<bool> RetireAsync(string tenantId, string keyId, DateTimeOffset retiredAt, DateTimeOffset? compromisedAt, string? reason, CancellationToken cancellationToken);
}

public interface ICredentialStore
{
    /// <summary>
    /// Inserts the credential. When one with the same tenant and idempotency key exists already, nothing
    /// is written and that one is returned instead (so concurrent retries converge on one credential).
    /// </summary>
    Task<IssuedCredential> InsertOrGetByIdempotencyKeyAsync(IssuedCredential credential, CancellationToken cancellationToken);
    Task<IssuedCredential?> GetAsync(string tenantId, string id, CancellationToken cancellationToken);
    Task<IssuedCredential?> FindByIdempotencyKeyAsync(string tenantId, string idempotencyKey, CancellationToken cancellationToken);
}

public interface IApiKeyStore
{
    Task AddAsync(StoredApiKey key, CancellationToken cancellationToken);
    Task<StoredApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);
    Task<IReadOnlyList<StoredApiKey>> ListAsync(string tenantId, CancellationToken cancellationToken);
    /// <summary>Marks the key revoked; returns false when the tenant has no such unrevoked key.</summary>
    Task<bool> RevokeAsync(string tenantId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
