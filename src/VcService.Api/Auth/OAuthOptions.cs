namespace VcService.Api.Auth;

/// <summary>
/// The <c>VcService:OAuth</c> section: an identity provider whose bearer JWTs this service accepts
/// (environment: <c>VcService__OAuth__Issuer</c>, …). Unset <see cref="Issuer"/> and
/// <see cref="Authority"/> = OAuth off; only API keys then.
/// </summary>
public sealed class OAuthOptions
{
    public const string Section = "VcService:OAuth";

    /// <summary>OpenID Connect issuer URL whose discovery document (<c>/.well-known/openid-configuration</c>) gives the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The expected <c>iss</c>; defaults to <see cref="Authority"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>The expected <c>aud</c> (required when OAuth is on).</summary>
    public string? Audience { get; set; }

    /// <summary>A JWKS file with the provider's signing keys (re-read every <see cref="JwksRefreshInterval"/> and when a token names an unknown key).</summary>
    public string? JwksFile { get; set; }

    /// <summary>A JWKS URL with the provider's signing keys (instead of discovery through <see cref="Authority"/>).</summary>
    public string? JwksUrl { get; set; }

    /// <summary>The claim naming the one issuer tenant the client acts for.</summary>
    public string TenantClaim { get; set; } = "vcservice_tenant";

    /// <summary>The scope that makes a token an operator (admin API) token.</summary>
    public string AdminScope { get; set; } = "admin";

    /// <summary>Refuse <c>http://</c> metadata and JWKS URLs (turn off only for a local test provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer) || !string.IsNullOrWhiteSpace(Authority);

    public string? ExpectedIssuer => string.IsNullOrWhiteSpace(Issuer) ? Authority : Issuer;

    /// <summary>Configuration mistakes that must stop the service from starting.</summary>
    public IEnumerable<string> Problems()
    {
        var anySet = new[] { Authority, Issuer, Audience, JwksFile, JwksUrl }.Any(v => !string.IsNullOrWhiteSpace(v));
        if (!anySet)
            yield break;
        if (!Enabled)
            yield return "VcService:OAuth needs Issuer (or Authority).";
        if (string.IsNullOrWhiteSpace(Audience))
            yield return "VcService:OAuth:Audience is required: tokens must be meant for this service.";
        var sources = new[] { Authority, JwksFile, JwksUrl }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (sources == 0)
            yield return "VcService:OAuth needs signing keys: JwksFile, JwksUrl or Authority.";
        if (!string.IsNullOrWhiteSpace(JwksFile) && !string.IsNullOrWhiteSpace(JwksUrl))
            yield return "VcService:OAuth: set JwksFile or JwksUrl, not both.";
        if (string.IsNullOrWhiteSpace(TenantClaim))
            yield return "VcService:OAuth:TenantClaim must name a claim.";
        if (string.IsNullOrWhiteSpace(AdminScope))
            yield return "VcService:OAuth:AdminScope must name a scope.";
    }
}

/// <summary>Stops start-up when the OAuth section is half configured.</summary>
public sealed class OAuthOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<OAuthOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, OAuthOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}
