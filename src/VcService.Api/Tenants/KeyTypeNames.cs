using VcService.Crypto;

namespace VcService.Api.Tenants;

/// <summary>Key type names of the admin API (<c>Ed25519</c>, <c>P-256</c> as in JOSE's <c>crv</c>) and their stored form.</summary>
public static class KeyTypeNames
{
    public const string Ed25519 = "Ed25519";
    public const string P256 = "P-256";

    public static readonly IReadOnlyList<string> All = [Ed25519, P256];

    public static KeyType? Parse(string? name) => name switch
    {
        Ed25519 => KeyType.Ed25519,
        P256 or "P256" => KeyType.P256,
        _ => null,
    };

    public static string Of(KeyType type) => type == KeyType.P256 ? P256 : Ed25519;

    /// <summary>The API name of a stored key type string (<c>Ed25519</c>, <c>P256</c>).</summary>
    public static string OfStored(string stored) => Parse(stored) is { } type ? Of(type) : stored;
}
