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
    /// <summary>Legal identifiers by kind (<see cref="LegalIdentifierKinds"/>: national, vat, eidas, eter), stored as JSON.</summary>
    public IReadOnlyDictionary<string, string> LegalIdentifiers { get; init; } = new Dictionary<string, string>();
    /// <summary>Region within the country (e.g. a NUTS code), free text.</summary>
    public string? Region { get; init; }
    /// <summary>Type of the keys the tenant's rotations create by default: <c>Ed25519</c> or <c>P256</c>.</summary>
    public string KeyType { get; init; } = "Ed25519";
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>The kinds of legal identifier an issuer tenant can have.</summary>
public static class LegalIdentifierKinds
{
    /// <summary>National business / education register number.</summary>
    public const string National = "national";
    public const string Vat = "vat";
    /// <summary>eIDAS legal person identifier.</summary>
    public const string Eidas = "eidas";
    /// <summary>European Tertiary Education Register id.</summary>
    public const string Eter = "eter";

    public static readonly IReadOnlyList<string> All = [National, Vat, Eidas, Eter];
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
    /// <summary>When the key was retired: it no longer signs. Signatures made at or after <see cref="RevokedFrom"/> are not accepted.</summary>
    public DateTimeOffset? RetiredAt { get; init; }
    /// <summary>For a compromised key: the earliest instant it may have been in other hands.</summary>
    public DateTimeOffset? CompromisedAt { get; init; }
    /// <summary>Why the key was retired (free text from the operator).</summary>
    public string? RetireReason { get; init; }

    /// <summary>From when signatures by this key are refused: the compromise time, else the retirement time; null while not retired.</summary>
    public DateTimeOffset? RevokedFrom => RetiredAt is null ? null : CompromisedAt ?? RetiredAt;
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
