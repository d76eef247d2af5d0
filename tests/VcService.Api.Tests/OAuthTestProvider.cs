using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VcService.Api.Tests;

/// <summary>
/// A stand-in identity provider: locally generated RSA and P-256 signing keys, their JWKS in a file,
/// and tokens signed with them (or with a key the JWKS does not publish).
/// </summary>
public sealed class OAuthTestProvider : IDisposable
{
    public const string Issuer = "https://idp.test.example/realms/hei";
    public const string Audience = "vcservice";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _unpublished = RSA.Create(2048);

    private readonly string _kid;

    /// <param name="kidPrefix">Distinguishes the key ids of two providers (a rotated provider publishes new kids).</param>
    public OAuthTestProvider(string kidPrefix = "")
    {
        _kid = kidPrefix;
        Directory = ServiceFactory.NewDataDirectory();
        JwksFile = Path.Combine(Directory, "jwks.json");
        File.WriteAllText(JwksFile, Jwks().ToJsonString());
    }

    public string Directory { get; }
    public string JwksFile { get; }

    public Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["VcService:OAuth:Issuer"] = Issuer,
            ["VcService:OAuth:Audience"] = Audience,
            ["VcService:OAuth:JwksFile"] = JwksFile,
        };
        foreach (var (k, v) in more ?? [])
            settings[k] = v;
        return settings;
    }

    private JsonObject Jwks()
    {
        var rsa = _rsa.ExportParameters(false);
        var ec = _ec.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(
                new JsonObject { ["kty"] = "RSA", ["kid"] = _kid + "rsa-1", ["use"] = "sig", ["alg"] = "RS256", ["n"] = B64(rsa.Modulus!), ["e"] = B64(rsa.Exponent!) },
                new JsonObject { ["kty"] = "EC", ["kid"] = _kid + "ec-1", ["use"] = "sig", ["crv"] = "P-256", ["x"] = B64(ec.Q.X!), ["y"] = B64(ec.Q.Y!) }),
        };
    }

    private static string B64(byte[] bytes) => Base64UrlEncoder.Encode(bytes);

    public enum Signer { Rsa, EcP256, Unpublished }

    public string Token(
        string? tenant = "demo",
        string? scope = "credentials:issue credentials:status credentials:read",
        string issuer = Issuer,
        string audience = Audience,
        TimeSpan? expiresIn = null,
        Signer signer = Signer.Rsa,
        IDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(10));
        var claims = new Dictionary<string, object> { ["sub"] = "client-123", ["client_id"] = "registrar-app" };
        if (tenant is not null)
            claims["vcservice_tenant"] = tenant;
        if (scope is not null)
            claims["scope"] = scope;
        foreach (var (k, v) in extraClaims ?? new Dictionary<string, object>())
            claims[k] = v;
        SigningCredentials credentials = signer switch
        {
            Signer.EcP256 => new SigningCredentials(new ECDsaSecurityKey(_ec) { KeyId = _kid + "ec-1" }, SecurityAlgorithms.EcdsaSha256),
            Signer.Unpublished => new SigningCredentials(new RsaSecurityKey(_unpublished) { KeyId = _kid + "rsa-1" }, SecurityAlgorithms.RsaSha256),
            _ => new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = _kid + "rsa-1" }, SecurityAlgorithms.RsaSha256),
        };
        var notBefore = expires < now ? expires - TimeSpan.FromMinutes(10) : now - TimeSpan.FromMinutes(1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Claims = claims,
            SigningCredentials = credentials,
        });
    }

    /// <summary>A token signed with HMAC using the RSA public modulus as secret (algorithm confusion).</summary>
    public string HmacToken()
    {
        var key = new SymmetricSecurityKey(_rsa.ExportParameters(false).Modulus!) { KeyId = "rsa-1" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["vcservice_tenant"] = "demo", ["scope"] = "credentials:issue" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _ec.Dispose();
        _unpublished.Dispose();
    }
}
