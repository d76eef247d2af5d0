using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.DataModel;
using VcService.Crypto;

namespace VcService.Credentials.Jose;

/// <summary>
/// VC-JOSE-COSE securing of VC Data Model 2.0 credentials with JOSE (https://www.w3.org/TR/vc-jose-cose/#securing-with-jose):
/// a compact JWS whose protected header has <c>typ: vc+jwt</c> and whose payload is the credential itself
/// (no <c>vc</c> claim, no registered claims added). EdDSA (Ed25519) and ES256 (P-256).
/// </summary>
public static class VcJwt
{
    /// <summary>The header "typ" (VC-JOSE-COSE §3.1.1; the media type without "application/", RFC 7515 §4.1.9).</summary>
    public const string Type = "vc+jwt";

    /// <summary>The media type of a VC 2.0 credential secured with JOSE.</summary>
    public const string MediaType = "application/vc+jwt";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>
    /// Signs a VC 2.0 credential: header {alg, kid, typ: "vc+jwt"}, payload = the credential JSON. The
    /// algorithm follows the key (Ed25519 → EdDSA, P-256 → ES256). Throws <see cref="ArgumentException"/>
    /// when the credential is not a VC 2.0 document.
    /// </summary>
    public static string Sign(JsonObject credential, SigningKey key, string kid)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(kid);
        if (CredentialDocument.GetVersionContext(credential) != VcContexts.V2)
            throw new ArgumentException($"vc+jwt secures VC Data Model 2.0 credentials: @context must start with '{VcContexts.V2}'", nameof(credential));
        if (credential.ContainsKey("proof"))
            throw new ArgumentException("the credential already has an embedded proof; vc+jwt secures the unsecured document", nameof(credential));

        var header = new JsonObject
        {
            ["alg"] = key.PublicKey.JwsAlgorithm,
            ["kid"] = kid,
            ["typ"] = Type,
        };
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString(Compact)))
            + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(credential.ToJsonString(Compact)));
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.Encode(signature);
    }

    /// <summary>Whether the compact token's header says <c>typ: vc+jwt</c> (or the full media type). Never throws.</summary>
    public static bool IsVcJwt(string? compact)
    {
        if (!JwtCompact.TrySplit(compact, out var segments, out _) || !JwtCompact.TryDecodeObject(segments[0], "header", out var header, out _))
            return false;
        return IsVcJwtType(header);
    }

    private static bool IsVcJwtType(JsonObject header) =>
        header["typ"] is JsonValue v && v.TryGetValue<string>(out var typ)
        && (string.Equals(typ, Type, StringComparison.OrdinalIgnoreCase) || string.Equals(typ, MediaType, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Decodes a vc+jwt without checking its signature: the header must say <c>typ: vc+jwt</c>, the payload
    /// must be a VC 2.0 credential (not a JWT-VC claims set with a <c>vc</c> claim). Never throws for bad input.
    /// </summary>
    public static JwtVcParseResult Parse(string compact)
    {
        if (!JwtCompact.TrySplit(compact, out var segments, out var error))
            return JwtVcParseResult.Fail(error!);
        if (!JwtCompact.TryDecodeObject(segments[0], "header", out var header, out error))
            return JwtVcParseResult.Fail(error!);
        if (!IsVcJwtType(header))
            return JwtVcParseResult.Fail($"header 'typ' must be '{Type}'", header);
        if (!JwtCompact.TryDecodeObject(segments[1], "payload", out var payload, out error))
            return JwtVcParseResult.Fail(error!, header);
        if (!Base64Url.TryDecode(segments[2], out _, out var sigError))
            return JwtVcParseResult.Fail($"signature segment is not valid base64url ({sigError})", header, payload);
        if (payload.ContainsKey("vc"))
            return JwtVcParseResult.Fail("the payload has a 'vc' claim: a vc+jwt payload is the credential itself (VC 1.1 JWTs use typ 'JWT')", header, payload);
        if (CredentialDocument.GetVersionContext(payload) != VcContexts.V2)
            return JwtVcParseResult.Fail($"the payload is not a VC Data Model 2.0 credential (@context must start with '{VcContexts.V2}')", header, payload);
        if (payload.ContainsKey("proof"))
            return JwtVcParseResult.Fail("the payload carries an embedded proof; a vc+jwt secures the unsecured credential", header, payload);
        return JwtVcParseResult.Ok(header, payload, payload.DeepClone().AsObject());
    }

    /// <summary>
    /// Verifies the signature with <paramref name="key"/>, the algorithm pinned to the key type by the same checks
    /// as <see cref="JwtVc.VerifySignature"/> ("none", HMAC and mismatched algorithms are refused, no <c>crit</c>),
    /// and the header must say <c>typ: vc+jwt</c>. Never throws for bad input.
    /// </summary>
    public static JwtVcSignatureResult VerifySignature(string compact, PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!JwtCompact.TrySplit(compact, out var segments, out var error))
            return JwtVcSignatureResult.Fail(error!);
        if (!JwtCompact.TryDecodeObject(segments[0], "header", out var header, out error))
            return JwtVcSignatureResult.Fail(error!);
        if (!IsVcJwtType(header))
            return JwtVcSignatureResult.Fail($"header 'typ' must be '{Type}'");
        if (JwtVc.CheckPinned(header, segments, key, out _, out var signature) is { } failed)
            return failed;
        // RFC 7515 §5.2: the signature is over ASCII(header segment '.' payload segment), checked directly
        // (EdDSA, or ES256 as r‖s), so the payload is never parsed as JWT claims.
        var signingInput = Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]);
        return key.Verify(signingInput, signature) ? JwtVcSignatureResult.Ok : JwtVcSignatureResult.Fail("signature does not match");
    }
}
