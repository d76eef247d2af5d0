using VcService.Credentials.Dids;
using VcService.Crypto;
using VcService.Crypto.KeyProtection;
using VcService.Storage.Abstractions;

namespace VcService.Api.Tenants;

/// <summary>
/// The tenants' signing keys: creates them, opens the active one for signing (decrypting it only
/// for the moment of use), and publishes the public parts as the tenant's DID document.
/// </summary>
public sealed class TenantKeyService(IKeyStore keys, AesGcmKeyProtector protector, TenantDids dids, TimeProvider time)
{
    public static string Owner(string tenantId, string keyId) => $"{tenantId}/{keyId}";

    public async Task<StoredKey> CreateKeyAsync(string tenantId, KeyType type, CancellationToken cancellationToken)
    {
        var existing = await keys.ListAsync(tenantId, cancellationToken);
        var keyId = $"key-{existing.Count + 1}";
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
