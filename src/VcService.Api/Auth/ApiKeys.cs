using System.Security.Cryptography;
using System.Text;

namespace VcService.Api.Auth;

/// <summary>
/// API keys of machine clients: <c>vck_</c> + 32 random bytes (base64url). Only the SHA-256 of the
/// key is stored; a high-entropy secret needs no slow hash.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "vck_";
    public const int MaxLength = 200;

    public static string Generate() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
