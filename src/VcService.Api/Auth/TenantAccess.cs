using System.Security.Claims;

namespace VcService.Api.Auth;

/// <summary>The tenant and scope rules of the issuer API: a client acts only for its own tenant, within its scopes.</summary>
public static class TenantAccess
{
    /// <summary>Null when allowed; otherwise the 403 problem to return.</summary>
    public static IResult? Check(ClaimsPrincipal user, string issuerId, string scope)
    {
        var tenant = user.FindFirstValue(VcClaims.Tenant);
        if (!string.Equals(tenant, issuerId, StringComparison.Ordinal))
            return Http.Problems.Result(StatusCodes.Status403Forbidden, "Forbidden",
                $"These credentials are not valid for issuer '{issuerId}'.");
        if (!user.FindAll(VcClaims.Scope).Any(c => c.Value == scope))
            return Http.Problems.Result(StatusCodes.Status403Forbidden, "Forbidden",
                $"The scope '{scope}' is required.");
        return null;
    }

    public static string ClientId(ClaimsPrincipal user) => user.FindFirstValue(VcClaims.ClientId) ?? "unknown";
}
