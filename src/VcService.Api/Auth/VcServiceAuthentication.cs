using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using VcService.Api.Configuration;

namespace VcService.Api.Auth;

/// <summary>
/// Authentication of the issuer and admin APIs: one <c>Authorization: Bearer</c> header, two kinds
/// of token. A policy scheme sends JWT-shaped tokens to the OAuth handler (when configured) and
/// everything else to the API key handler (per-tenant keys and the admin key).
/// </summary>
public static class VcServiceAuthentication
{
    public const string PolicyScheme = "VcService";
    public const string OAuthScheme = "OAuth";
    public const string AdminPolicy = "admin";

    /// <summary>Signature algorithms accepted on OAuth tokens (asymmetric only: no <c>none</c>, no HMAC).</summary>
    public static readonly IReadOnlyList<string> AcceptedAlgorithms =
        ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    public static IServiceCollection AddVcServiceAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OAuthOptions>().Bind(configuration.GetSection(OAuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OAuthOptions>, OAuthOptionsValidator>();
        services.AddOptions<VcServiceOptions>()
            .Validate(o => string.IsNullOrEmpty(o.AdminApiKey) || o.AdminApiKey.Trim().Length >= MinAdminKeyLength,
                $"VcService:AdminApiKey must have at least {MinAdminKeyLength} characters.")
            .ValidateOnStart();

        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "API key or OAuth bearer token", policy =>
                policy.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(OAuthScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(OAuthScheme).Configure<IOptions<OAuthOptions>>((jwt, oauth) => ConfigureJwt(jwt, oauth.Value));

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(VcClaims.Admin, "true"));
        return services;
    }

    public const int MinAdminKeyLength = 24;

    /// <summary>Whether anything can authenticate as the operator at all.</summary>
    public static bool AdminConfigured(IServiceProvider services) =>
        !string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<VcServiceOptions>>().Value.AdminApiKey)
        || services.GetRequiredService<IOptions<OAuthOptions>>().Value.Enabled;

    private static string SelectScheme(HttpContext context)
    {
        var oauth = context.RequestServices.GetRequiredService<IOptions<OAuthOptions>>().Value;
        if (!oauth.Enabled)
            return ApiKeyAuthenticationHandler.SchemeName;
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && LooksLikeJwt(header.AsSpan("Bearer ".Length).Trim())
            ? OAuthScheme
            : ApiKeyAuthenticationHandler.SchemeName;
    }

    /// <summary>A compact JWS: three base64url parts. API keys (<c>vck_…</c>) have no dots.</summary>
    internal static bool LooksLikeJwt(ReadOnlySpan<char> token)
    {
        if (token.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal) || token.Count('.') != 2)
            return false;
        foreach (var c in token)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                return false;
        return true;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, OAuthOptions oauth)
    {
        if (!oauth.Enabled)
            return;
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = oauth.RequireHttpsMetadata;
        jwt.IncludeErrorDetails = true;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = oauth.ExpectedIssuer,
            ValidAudience = oauth.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = AcceptedAlgorithms,
            ClockSkew = oauth.ClockSkew,
            NameClaimType = "sub",
        };

        if (!string.IsNullOrWhiteSpace(oauth.JwksFile) || !string.IsNullOrWhiteSpace(oauth.JwksUrl))
        {
            IDocumentRetriever documents = !string.IsNullOrWhiteSpace(oauth.JwksFile)
                ? new FileDocumentRetriever()
                : new HttpDocumentRetriever { RequireHttps = oauth.RequireHttpsMetadata };
            var address = !string.IsNullOrWhiteSpace(oauth.JwksFile) ? Path.GetFullPath(oauth.JwksFile) : oauth.JwksUrl!;
            jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                address, new JwksConfigurationRetriever(oauth.ExpectedIssuer), documents)
            {
                AutomaticRefreshInterval = oauth.JwksRefreshInterval,
                RefreshInterval = TimeSpan.FromSeconds(30),
            };
        }
        else
            jwt.Authority = oauth.Authority;

        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = NormalisedPrincipal(context.Principal!, oauth);
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
                await Http.Problems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", Describe(context.AuthenticateFailure));
            },
            OnForbidden = context =>
                Http.Problems.Write(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "The credentials do not allow this operation."),
        };
    }

    /// <summary>
    /// The token's claims reduced to the service's own: the tenant (from the configured claim, exactly
    /// one value), the known scopes (<c>scope</c> as a space-separated string, or <c>scp</c>), and admin.
    /// Nothing else from the token is carried over, so a token cannot set the service's claim types itself.
    /// </summary>
    internal static ClaimsPrincipal NormalisedPrincipal(ClaimsPrincipal token, OAuthOptions oauth)
    {
        var claims = new List<Claim>();
        var tenants = token.FindAll(oauth.TenantClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (tenants.Count == 1 && tenants[0].Length > 0)
            claims.Add(new Claim(VcClaims.Tenant, tenants[0]));
        var client = token.FindFirst("client_id")?.Value ?? token.FindFirst("azp")?.Value ?? token.FindFirst("sub")?.Value ?? "unknown";
        claims.Add(new Claim(VcClaims.ClientId, "oauth:" + client));
        var scopes = token.FindAll("scope").Concat(token.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var scope in Scopes.All.Where(scopes.Contains))
            claims.Add(new Claim(VcClaims.Scope, scope));
        if (scopes.Contains(oauth.AdminScope))
            claims.Add(new Claim(VcClaims.Admin, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, OAuthScheme, VcClaims.ClientId, null));
    }

    /// <summary>Why a token was refused, without echoing the token or key material.</summary>
    private static string Describe(Exception? failure) => failure switch
    {
        null => "This endpoint needs 'Authorization: Bearer <token>' (an OAuth access token or an API key).",
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry (exp).",
        SecurityTokenInvalidAudienceException => "The bearer token is meant for another audience.",
        SecurityTokenInvalidIssuerException => "The bearer token was not issued by the configured identity provider.",
        SecurityTokenSignatureKeyNotFoundException => "The bearer token is signed with a key the identity provider does not publish.",
        SecurityTokenInvalidSignatureException => "The bearer token's signature is not valid.",
        SecurityTokenInvalidAlgorithmException => "The bearer token uses a signature algorithm this service does not accept.",
        _ => "The bearer token is not valid.",
    };
}
