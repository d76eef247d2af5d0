using VcService.Credentials.DataIntegrity;
using VcService.Crypto;

namespace VcService.Api.Issuance;

/// <summary>The credential profiles the issuer API renders (DESIGN §2).</summary>
public static class CredentialProfiles
{
    /// <summary>European Learning Model v3 (EDC application profile), VC Data Model 1.1.</summary>
    public const string Elm = "elm";

    /// <summary>Open Badges 3.0 OpenBadgeCredential, VC Data Model 2.0.</summary>
    public const string Obv3 = "obv3";

    public static readonly IReadOnlyList<string> All = [Elm, Obv3];
}

/// <summary>
/// The securing formats of the issuer API (DESIGN §3) and which profile each goes with:
/// <c>jwt</c> (VC 1.1 JWT-VC, <c>vc</c> claim) only with <c>elm</c>, <c>vc+jwt</c> (VC-JOSE-COSE, VC 2.0)
/// only with <c>obv3</c>, the Data Integrity formats with both.
/// </summary>
public static class IssuanceFormats
{
    public const string Jwt = "jwt";
    public const string VcJwt = "vc+jwt";
    public const string DiEddsaRdfc2022 = "di-eddsa-rdfc-2022";
    public const string DiEddsaJcs2022 = "di-eddsa-jcs-2022";
    public const string DiEcdsaRdfc2019 = "di-ecdsa-rdfc-2019";

    private const string DiPrefix = "di-";

    public static readonly IReadOnlyList<string> All = [Jwt, VcJwt, DiEddsaRdfc2022, DiEddsaJcs2022, DiEcdsaRdfc2019];

    /// <summary>Whether <paramref name="format"/> embeds a Data Integrity proof (the credential is a JSON object).</summary>
    public static bool IsDataIntegrity(string format) => format.StartsWith(DiPrefix, StringComparison.Ordinal);

    /// <summary>The Data Integrity cryptosuite of a <c>di-…</c> format.</summary>
    public static ICryptosuite Cryptosuite(string format) =>
        Cryptosuites.ByName(format[DiPrefix.Length..]) ?? throw new ArgumentException($"'{format}' is not a Data Integrity format.", nameof(format));

    /// <summary>The profile a format is restricted to, or null when it works with every profile.</summary>
    public static string? RequiredProfile(string format) => format switch
    {
        Jwt => CredentialProfiles.Elm,
        VcJwt => CredentialProfiles.Obv3,
        _ => null,
    };

    public static bool Fits(string format, string profile) => RequiredProfile(format) is not { } required || required == profile;

    /// <summary>The JOSE format of a profile's data model version: <c>jwt</c> for elm (VC 1.1), <c>vc+jwt</c> for obv3 (VC 2.0).</summary>
    public static string Natural(string profile) => profile == CredentialProfiles.Obv3 ? VcJwt : Jwt;

    /// <summary>The key type the format needs; null for the JOSE formats, which sign with the tenant's default key type.</summary>
    public static KeyType? KeyTypeOf(string format) => IsDataIntegrity(format) ? Cryptosuite(format).KeyType : null;
}
