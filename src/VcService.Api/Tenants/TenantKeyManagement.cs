using System.Text.Json.Nodes;
using VcService.Crypto;
using VcService.Storage.Abstractions;

namespace VcService.Api.Tenants;

public abstract record KeyRetirement
{
    public sealed record Retired(StoredKey Key, StoredKey? Replacement) : KeyRetirement;
    public sealed record NotFound : KeyRetirement;
    public sealed record AlreadyRetired(StoredKey Key) : KeyRetirement;
}

/// <summary>
/// Rotation and retirement of tenant keys. Rotation publishes a new key and makes it the one that
/// signs; the old one stays in the DID document. Retirement stops a key from signing and marks it
/// revoked from its compromise time (or now), so what it signed after that no longer verifies.
/// </summary>
public sealed class TenantKeyManagement(IKeyStore keys, TenantKeyService tenantKeys, IAuditLog audit, TimeProvider time,
    ILogger<TenantKeyManagement> logger)
{
    // Key ids are numbered per tenant (key-n): one change at a time keeps them unique.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<StoredKey> RotateAsync(string tenantId, KeyType type, string clientId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var created = await tenantKeys.CreateKeyAsync(tenantId, type, cancellationToken);
            await keys.DeactivateOthersAsync(tenantId, created.KeyType, created.KeyId, cancellationToken);
            await AuditAsync(tenantId, clientId, "key-rotate", null,
                new JsonObject { ["keyId"] = created.KeyId, ["keyType"] = created.KeyType }, cancellationToken);
            logger.LogInformation("Rotated the {KeyType} key of issuer {TenantId}: {KeyId} now signs", created.KeyType, tenantId, created.KeyId);
            return created;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Retires a key; when no active key is left, a new one of <paramref name="replacementType"/> is created so issuance goes on.</summary>
    public async Task<KeyRetirement> RetireAsync(string tenantId, string keyId, DateTimeOffset? compromisedAt, string? reason,
        KeyType replacementType, string clientId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var existing = (await keys.ListAsync(tenantId, cancellationToken)).FirstOrDefault(k => k.KeyId == keyId);
            if (existing is null)
                return new KeyRetirement.NotFound();
            if (existing.RetiredAt is not null)
                return new KeyRetirement.AlreadyRetired(existing);

            // Whole seconds, as published in the DID document (rounded down: the earlier, stricter bound).
            var now = FloorToSecond(time.GetUtcNow());
            compromisedAt = compromisedAt is { } c0 ? FloorToSecond(c0) : null;
            if (!await keys.RetireAsync(tenantId, keyId, now, compromisedAt, reason, cancellationToken))
                return new KeyRetirement.AlreadyRetired(existing);
            var all = await keys.ListAsync(tenantId, cancellationToken);
            StoredKey? replacement = null;
            if (!all.Any(k => k.Active && k.RetiredAt is null))
                replacement = await tenantKeys.CreateKeyAsync(tenantId, replacementType, cancellationToken);

            var detail = new JsonObject { ["keyId"] = keyId };
            if (compromisedAt is { } c)
                detail["compromisedAt"] = Credentials.DataModel.CredentialDocument.FormatDateTime(c);
            if (replacement is not null)
                detail["replacementKeyId"] = replacement.KeyId;
            await AuditAsync(tenantId, clientId, "key-retire", reason, detail, cancellationToken);
            logger.LogWarning("Retired key {KeyId} of issuer {TenantId} ({Detail})", keyId, tenantId, detail.ToJsonString());
            return new KeyRetirement.Retired(all.First(k => k.KeyId == keyId), replacement);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static DateTimeOffset FloorToSecond(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private Task AuditAsync(string tenantId, string clientId, string action, string? reason, JsonObject detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry
        {
            TenantId = tenantId,
            At = time.GetUtcNow(),
            ClientId = clientId,
            Action = action,
            Reason = reason,
            Detail = detail.ToJsonString(),
        }, cancellationToken);
}
