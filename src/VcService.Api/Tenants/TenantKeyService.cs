using VcService.Credentials.Dids;
using VcService.Crypto;
using VcService.Crypto.KeyProtection;
using VcService.Storage.Abstractions;

namespace VcService.Api.Tenants;

/// <summary>
/// The tenants' signing keys: creates them, opens the active one for signing (decrypting it only
/// for the moment of use), and publishes the public parts as the tenant's DID document.
/// </summary>
public sealed class TenantKeyService(IKeyStore keys, AesGcmKeyProtector protector, TenantDids dids, TimeProvider time, IStorageDatabase database)
{
    public static string Owner(string tenantId, string keyId) => $"{tenantId}/{keyId}";

    public async Task<StoredKey> CreateKeyAsync(string tenantId, KeyType type, CancellationToken cancellationToken)
    {
        // Key ids are numbered (key-n): creations in this process (rotation, keys made on demand) take turns.
        await _numberingLock.WaitAsync(cancellationToken);
        try
        {
            return await CreateNumberedKeyAsync(tenantId, type, "", cancellationToken);
        }
        finally
        {
            _numberingLock.Release();
        }
    }

    private readonly SemaphoreSlim _numberingLock = new(1, 1);

    /// <summary>
    /// The key id suffix of a key created on demand for a format of the other curve (<c>key-3-auto</c>): such a
    /// key signs that format only and does not change the tenant's default key type.
    /// </summary>
    public const string OnDemandSuffix = "-auto";

    private async Task<StoredKey> CreateNumberedKeyAsync(string tenantId, KeyType type, string suffix, CancellationToken cancellationToken)
    {
        // Several service instances may share one database: the numbering is also serialised across them.
        await using var numbering = await database.AcquireLockAsync($"keys/{tenantId}", cancellationToken);
        var existing = await keys.ListAsync(tenantId, cancellationToken);
        var keyId = $"key-{existing.Count + 1}{suffix}";
        using var key = SigningKey.Generate(type);
        var secret = key.ExportPrivateKey();
        try
        {
            var stored = new StoredKey
            {
                TenantId = tenantId,
                KeyId = keyId,
                KeyType = type.ToString(),
                PublicKeyMultibase = key.PublicKey.ToMultikey(),
                EncryptedPrivateKey = protector.Protect(secret, Owner(tenantId, keyId)),
                CreatedAt = time.GetUtcNow(),
            };
            await keys.AddAsync(stored, cancellationToken);
            return stored;
        }
        finally
        {
            Array.Clear(secret);
        }
    }

    /// <summary>The tenant's newest active key, opened for signing, with its verification method id.</summary>
    public async Task<(SigningKey Key, string MethodId)?> OpenActiveKeyAsync(string tenantId, CancellationToken cancellationToken)
    {
        var all = await keys.ListAsync(tenantId, cancellationToken);
        var stored = all.LastOrDefault(k => k.Active && k.RetiredAt is null);
        if (stored is null)
            return null;
        var secret = protector.Unprotect(stored.EncryptedPrivateKey, Owner(tenantId, stored.KeyId));
        try
        {
            var key = SigningKey.Import(Enum.Parse<KeyType>(stored.KeyType), secret);
            return (key, $"{dids.DidOf(tenantId)}#{stored.KeyId}");
        }
        finally
        {
            Array.Clear(secret);
        }
    }

    /// <summary>
    /// The key type the tenant's JOSE formats (jwt, vc+jwt) sign with: the type of its newest active key that was
    /// not created on demand (the initial key, or the one a rotation installed), so a P-256 key made for
    /// di-ecdsa-rdfc-2019 does not turn the tenant's JWTs into ES256. Null without active keys.
    /// </summary>
    public async Task<KeyType?> DefaultKeyTypeAsync(string tenantId, CancellationToken cancellationToken)
    {
        var active = (await keys.ListAsync(tenantId, cancellationToken)).Where(k => k.Active && k.RetiredAt is null).ToList();
        var chosen = active.LastOrDefault(k => !k.KeyId.EndsWith(OnDemandSuffix, StringComparison.Ordinal)) ?? active.LastOrDefault();
        return chosen is null ? null : Enum.Parse<KeyType>(chosen.KeyType);
    }

    /// <summary>The tenant's newest active key of <paramref name="type"/>, opened for signing; null when it has none.</summary>
    public async Task<(SigningKey Key, string MethodId)?> OpenActiveKeyAsync(string tenantId, KeyType type, CancellationToken cancellationToken)
    {
        var all = await keys.ListAsync(tenantId, cancellationToken);
        var stored = all.LastOrDefault(k => k.Active && k.RetiredAt is null && k.KeyType == type.ToString());
        return stored is null ? null : Open(tenantId, stored);
    }

    /// <summary>
    /// As <see cref="OpenActiveKeyAsync(string, KeyType, CancellationToken)"/>, creating the key first when the
    /// tenant has none of that type (a P-256 key the first time an ES256 format is asked for). The new key is
    /// published in the DID document at once, since the document lists every key.
    /// </summary>
    public async Task<(SigningKey Key, string MethodId)> OpenOrCreateActiveKeyAsync(string tenantId, KeyType type, CancellationToken cancellationToken)
    {
        if (await OpenActiveKeyAsync(tenantId, type, cancellationToken) is { } existing)
            return existing;
        await _createLock.WaitAsync(cancellationToken);
        try
        {
            if (await OpenActiveKeyAsync(tenantId, type, cancellationToken) is { } raced)
                return raced;
            await _numberingLock.WaitAsync(cancellationToken);
            try
            {
                await CreateNumberedKeyAsync(tenantId, type, OnDemandSuffix, cancellationToken);
            }
            finally
            {
                _numberingLock.Release();
            }
        }
        finally
        {
            _createLock.Release();
        }
        return await OpenActiveKeyAsync(tenantId, type, cancellationToken)
            ?? throw new InvalidOperationException($"The {type} key created for '{tenantId}' cannot be found.");
    }

    private readonly SemaphoreSlim _createLock = new(1, 1);

    private (SigningKey Key, string MethodId) Open(string tenantId, StoredKey stored)
    {
        var secret = protector.Unprotect(stored.EncryptedPrivateKey, Owner(tenantId, stored.KeyId));
        try
        {
            return (SigningKey.Import(Enum.Parse<KeyType>(stored.KeyType), secret), $"{dids.DidOf(tenantId)}#{stored.KeyId}");
        }
        finally
        {
            Array.Clear(secret);
        }
    }

    /// <summary>
    /// The tenant's DID document: every key (active and older ones, so credentials they signed still
    /// verify) as a Multikey method <c>#key-n</c> and a JsonWebKey method <c>#key-n-jwk</c>. A retired
    /// key carries <c>revoked</c> (its compromise or retirement time): what it signed before still verifies.
    /// </summary>
    public async Task<DidDocument> GetDidDocumentAsync(string tenantId, CancellationToken cancellationToken)
    {
        var did = dids.DidOf(tenantId);
        var methods = new List<VerificationMethod>();
        foreach (var stored in await keys.ListAsync(tenantId, cancellationToken))
        {
            var publicKey = PublicKey.FromMultikey(stored.PublicKeyMultibase);
            methods.Add(new VerificationMethod($"{did}#{stored.KeyId}", VerificationMethodTypes.Multikey, did, publicKey, stored.RevokedFrom));
            methods.Add(new VerificationMethod($"{did}#{stored.KeyId}-jwk", VerificationMethodTypes.JsonWebKey, did, publicKey, stored.RevokedFrom));
        }
        return new DidDocument(did, methods, methods.Select(m => m.Id).ToList());
    }
}
