using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VcService.Storage.Abstractions;

namespace VcService.Api.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> for machine clients. A known, unrevoked key becomes a
/// principal bound to its tenant with the key's scopes.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore apiKeys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
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

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Http.Problems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            failure ?? "This endpoint needs 'Authorization: Bearer <api key>' of the issuer tenant.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Http.Problems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", "The credentials do not allow this operation.");
}
