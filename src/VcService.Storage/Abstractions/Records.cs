namespace VcService.Storage.Abstractions;

/// <summary>An issuer tenant: one higher-education institution served by this deployment.</summary>
public sealed record IssuerTenant
{
    public required string Id { get; init; }
    /// <summary>Legal name as a language map (<c>{"en": "..."}</c>), stored as JSON.</summary>
    public required IReadOnlyDictionary<string, string> LegalName { get; init; }
    public required string Country { get; init; }
    public string? LegalIdentifier { get; init; }
    public string? DeqarId { get; init; }
    public string? Homepage { get; init; }
    public string DefaultProfile { get; init; } = "elm";
    public string DefaultFormat { get; init; } = "jwt";
    public string? ValidationProfile { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Whether credentials also get a <c>suspension</c> status entry (revocation is always there).</summary>
    public bool SuspensionEnabled { get; init; }
}

/// <summary>A signing key of a tenant; the private part is only ever held encrypted.</summary>
public sealed record StoredKey
{
    public required string TenantId { get; init; }
    /// <summary>Fragment of the verification method id in the tenant's DID document, e.g. <c>key-1</c>.</summary>
    public required string KeyId { get; init; }
    /// <summary><c>Ed25519</c> or <c>P256</c>.</summary>
    public required string KeyType { get; init; }
    /// <summary>Multikey (publicKeyMultibase) of the public key.</summary>
    public required string PublicKeyMultibase { get; init; }
    /// <summary>The private key, encrypted by the key protector (never plaintext).</summary>
    public required byte[] EncryptedPrivateKey { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool Active { get; init; } = true;
    /// <summary>When set, signatures by this key made after this instant are not accepted (compromise).</summary>
    public DateTimeOffset? RetiredAt { get; init; }
}

/// <summary>A credential the service issued, with the record it was made from.</summary>
public sealed record IssuedCredential
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string Profile { get; init; }
    public required string Format { get; init; }
    /// <summary>The validated HEI record (canonical JSON).</summary>
    public required string RecordJson { get; init; }
    /// <summary>The secured credential: compact JWS, or the JSON of a credential with an embedded proof.</summary>
    public required string Credential { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public string? IdempotencyKey { get; init; }
    /// <summary>SHA-256 (hex) of the request that created it, to detect a reused idempotency key.</summary>
    public string? RequestHash { get; init; }
}

/// <summary>An API key of a machine client; only its SHA-256 hash is stored.</summary>
public sealed record StoredApiKey
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string SecretHash { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}
