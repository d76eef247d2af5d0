namespace VcService.Api.Auth;

/// <summary>OAuth-style scopes of the issuer API.</summary>
public static class Scopes
{
    public const string Issue = "credentials:issue";
    public const string Status = "credentials:status";
    public const string Read = "credentials:read";

    public static readonly IReadOnlyList<string> All = [Issue, Status, Read];
}

/// <summary>Claim types set by the authentication handlers.</summary>
public static class VcClaims
{
    /// <summary>The tenant the client may act for.</summary>
    public const string Tenant = "vc_tenant";
    public const string Scope = "scope";
    public const string ClientId = "client_id";
    /// <summary>Present (<c>true</c>) on the operator's principal: the admin API key, or a token with the admin scope.</summary>
    public const string Admin = "vc_admin";
}
