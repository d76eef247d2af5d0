using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VcService.Api.Configuration;
using VcService.Storage.Abstractions;

namespace VcService.Api.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> for machine clients. A known, unrevoked key becomes a
/// principal bound to its tenant with the key's scopes. The operator's <c>VcService:AdminApiKey</c>
/// (compared in constant time) becomes the admin principal, bound to no tenant.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore apiKeys,
    IOptionsMonitor<VcServiceOptions> serviceOptions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > ApiKeys.MaxLength)
            return AuthenticateResult.Fail("The bearer token is not an API key of this service.");

        if (IsAdminKey(secret, serviceOptions.CurrentValue.AdminApiKey))
        {
            var admin = new ClaimsIdentity([new Claim(VcClaims.ClientId, "admin-key"), new Claim(VcClaims.Admin, "true")], SchemeName, VcClaims.ClientId, null);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(admin), SchemeName));
        }

        var stored = await apiKeys.FindBySecretHashAsync(ApiKeys.Hash(secret), Context.RequestAborted);
        if (stored is null || stored.RevokedAt is not null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");

        var claims = new List<Claim>
        {
            new(VcClaims.Tenant, stored.TenantId),
            new(VcClaims.ClientId, "apikey:" + stored.Id),
        };
        claims.AddRange(stored.Scopes.Select(s => new Claim(VcClaims.Scope, s)));
        var identity = new ClaimsIdentity(claims, SchemeName, VcClaims.ClientId, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Constant-time comparison of the digests (equal length whatever the inputs).</summary>
    private static bool IsAdminKey(string secret, string? adminKey) =>
        !string.IsNullOrWhiteSpace(adminKey)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), SHA256.HashData(Encoding.UTF8.GetBytes(adminKey.Trim())));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        if (Request.Path.StartsWithSegments("/v1/admin") && !VcServiceAuthentication.AdminConfigured(Context.RequestServices))
            failure = "The admin API is disabled: no admin credential is configured (set VcService__AdminApiKey, or VcService:OAuth for tokens with the admin scope).";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Http.Problems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            failure ?? "This endpoint needs 'Authorization: Bearer <api key>' of the issuer tenant.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Http.Problems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", "The credentials do not allow this operation.");
}
