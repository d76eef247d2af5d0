using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VcService.Crypto;

namespace VcService.Credentials.Jose;

/// <summary>
/// JWT-VC securing of VC Data Model 1.1 credentials (https://www.w3.org/TR/vc-data-model-1.1/#json-web-token):
/// the credential goes in the <c>vc</c> claim and its issuer, subject, dates and id are also expressed as
/// registered JWT claims. JWS creation and validation run through Microsoft.IdentityModel.JsonWebTokens
/// with our <see cref="VcSecurityKey"/> supplying EdDSA/ES256.
/// </summary>
public static class JwtVc
{
    /// <summary>Explicit limit on the compact token size (characters).</summary>
    public const int MaxCompactLength = 1024 * 1024;

    /// <summary>Explicit limit on JSON nesting in header and payload.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>The header "typ" we emit (VC 1.1 §6.3.1 examples; RFC 7519 §5.1).</summary>
    public const string Type = "JWT";

    /// <summary>Signs with iat = issuanceDate (VC 1.1 §6.3.1 encoding).</summary>
    public static string Sign(JsonObject credential, SigningKey key, string kid)
    {
        return Sign(credential, key, kid, issuedAt: null);
    }

    /// <summary>
    /// Encodes and signs a VC 1.1 credential as a JWT (VC 1.1 §6.3.1). Header {alg, typ: "JWT", kid};
    /// claims iss, sub, nbf, iat, jti, exp from the credential; vc = the credential unchanged.
    /// <paramref name="issuedAt"/> sets iat (defaults to issuanceDate). Throws <see cref="ArgumentException"/>
    /// naming the property when the credential cannot be encoded.
    /// </summary>
    public static string Sign(JsonObject credential, SigningKey key, string kid, DateTimeOffset? issuedAt)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(kid);

        var claims = new JsonObject();

        // iss: issuer (a URI string) or issuer.id.
        var issuer = credential["issuer"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonObject o when o["id"] is JsonValue id && id.TryGetValue<string>(out var s) => s,
            _ => throw new ArgumentException("credential 'issuer' must be a string or an object with a string 'id'", nameof(credential)),
        };
        claims["iss"] = issuer;

        // sub: credentialSubject.id when there is exactly one subject with an id.
        var subject = SingleSubject(credential["credentialSubject"]);
        if (subject?["id"] is JsonValue subjectId && subjectId.TryGetValue<string>(out var sub))
        {
            claims["sub"] = sub;
        }

        // nbf (and iat by default): issuanceDate.
        var issuanceDate = DateProperty(credential, "issuanceDate");
        if (issuanceDate is { } nbf)
        {
            claims["nbf"] = nbf.ToUnixTimeSeconds();
        }

        if ((issuedAt ?? issuanceDate) is { } iat)
        {
            claims["iat"] = iat.ToUnixTimeSeconds();
        }

        // jti: credential id.
        if (credential["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var jti))
        {
            claims["jti"] = jti;
        }

        // exp: expirationDate.
        if (DateProperty(credential, "expirationDate") is { } exp)
        {
            claims["exp"] = exp.ToUnixTimeSeconds();
        }

        claims["vc"] = credential.DeepClone();

        var securityKey = new VcSecurityKey(key, kid);
        var handler = CreateHandler();
        var header = new Dictionary<string, object> { ["typ"] = Type };
        return handler.CreateToken(claims.ToJsonString(), new SigningCredentials(securityKey, securityKey.Algorithm), header);
    }

    /// <summary>
    /// Decodes a JWT-VC without checking its signature and rebuilds the credential (VC 1.1 §6.3.2 decoding):
    /// iss→issuer, nbf→issuanceDate, exp→expirationDate, jti→id, sub→credentialSubject.id. A claim that
    /// disagrees with the property already in vc is an error naming the claim. Never throws for bad input.
    /// </summary>
    public static JwtVcParseResult Parse(string compact)
    {
        if (!JwtCompact.TrySplit(compact, out var segments, out var error))
        {
            return JwtVcParseResult.Fail(error!);
        }

        if (!JwtCompact.TryDecodeObject(segments[0], "header", out var header, out error))
        {
            return JwtVcParseResult.Fail(error!);
        }

        if (!JwtCompact.TryDecodeObject(segments[1], "payload", out var payload, out error))
        {
            return JwtVcParseResult.Fail(error!, header);
        }

        if (!Base64Url.TryDecode(segments[2], out _, out var sigError))
        {
            return JwtVcParseResult.Fail($"signature segment is not valid base64url ({sigError})", header, payload);
        }

        if (payload["vc"] is not JsonObject vc)
        {
            return JwtVcParseResult.Fail(
                payload.ContainsKey("vc") ? "claim 'vc' is not a JSON object" : "payload has no 'vc' claim", header, payload);
        }

        var credential = vc.DeepClone().AsObject();
        error = JwtVcClaimMapping.Apply(payload, credential);
        return error is null
            ? JwtVcParseResult.Ok(header, payload, credential)
            : JwtVcParseResult.Fail(error, header, payload);
    }

    /// <summary>
    /// Verifies the JWS signature with <paramref name="key"/>. The algorithm is pinned to the key type
    /// (Ed25519 → EdDSA, P-256 → ES256); anything else, including "none" and HMAC, is refused. Lifetime,
    /// issuer and audience are NOT checked here. Never throws for bad input.
    /// </summary>
    public static JwtVcSignatureResult VerifySignature(string compact, PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!JwtCompact.TrySplit(compact, out var segments, out var error))
        {
            return JwtVcSignatureResult.Fail(error!);
        }

        if (!JwtCompact.TryDecodeObject(segments[0], "header", out var header, out error))
        {
            return JwtVcSignatureResult.Fail(error!);
        }

        if (CheckPinned(header, segments, key, out var alg, out _) is { } failed)
        {
            return failed;
        }

        return ValidateWithHandler(compact.Trim(), key, alg);
    }

    /// <summary>
    /// The checks before the signature itself, shared by JWT-VC and vc+jwt: the algorithm pinned to the key type
    /// (RFC 8725 §3.1), no <c>crit</c>, decodable segments, a signature of the key type's length. Null when they pass.
    /// </summary>
    internal static JwtVcSignatureResult? CheckPinned(JsonObject header, string[] segments, PublicKey key, out string alg, out byte[] signature)
    {
        alg = "";
        signature = [];
        // Pin the algorithm to the key type before anything else looks at the token (RFC 8725 §3.1).
        var keyName = key.Type == KeyType.Ed25519 ? "Ed25519" : "P-256";
        if (header["alg"] is not JsonValue algValue || !algValue.TryGetValue<string>(out var algText))
        {
            return JwtVcSignatureResult.Fail("header has no string 'alg'");
        }

        alg = algText;

        if (string.Equals(alg, "none", StringComparison.OrdinalIgnoreCase))
        {
            return JwtVcSignatureResult.Fail($"algorithm '{alg}' is not allowed for a {keyName} key");
        }

        if (!string.Equals(alg, key.JwsAlgorithm, StringComparison.Ordinal))
        {
            return JwtVcSignatureResult.Fail($"algorithm '{alg}' is not allowed for a {keyName} key (expected '{key.JwsAlgorithm}')");
        }

        // RFC 7515 §4.1.11: extensions we do not understand must make the JWS invalid.
        if (header.ContainsKey("crit"))
        {
            return JwtVcSignatureResult.Fail("header parameter 'crit' names extensions this verifier does not understand");
        }

        if (!Base64Url.TryDecode(segments[1], out _, out var payloadError))
        {
            return JwtVcSignatureResult.Fail($"payload segment is not valid base64url ({payloadError})");
        }

        if (!Base64Url.TryDecode(segments[2], out signature, out var sigError))
        {
            return JwtVcSignatureResult.Fail($"signature segment is not valid base64url ({sigError})");
        }

        if (signature.Length != PublicKey.SignatureLength(key.Type))
        {
            return JwtVcSignatureResult.Fail(
                $"signature does not match (expected {PublicKey.SignatureLength(key.Type)} bytes, got {signature.Length})");
        }

        return null;
    }

    private static JwtVcSignatureResult ValidateWithHandler(string compact, PublicKey key, string alg)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new VcSecurityKey(key),
            ValidAlgorithms = [alg],
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = true,
            ValidateIssuerSigningKey = false,
            // The caller checks issuer, audience and validity dates itself (verification pipeline).
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireAudience = false,
        };

        TokenValidationResult result;
        try
        {
            // No configuration manager or I/O is involved, so the task completes synchronously.
            result = CreateHandler().ValidateTokenAsync(compact, parameters).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException or InvalidOperationException)
        {
            return JwtVcSignatureResult.Fail("token could not be validated: " + e.GetType().Name);
        }

        if (result.IsValid)
        {
            return JwtVcSignatureResult.Ok;
        }

        return result.Exception switch
        {
            SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException
                => JwtVcSignatureResult.Fail("signature does not match"),
            SecurityTokenInvalidAlgorithmException
                => JwtVcSignatureResult.Fail($"algorithm '{alg}' was refused"),
            SecurityTokenMalformedException
                => JwtVcSignatureResult.Fail("token is malformed"),
            { } other => JwtVcSignatureResult.Fail("token could not be validated: " + other.GetType().Name),
            null => JwtVcSignatureResult.Fail("token could not be validated"),
        };
    }

    private static JsonWebTokenHandler CreateHandler()
    {
        return new JsonWebTokenHandler
        {
            // Times come from the credential, not from the clock at signing.
            SetDefaultTimesOnTokenCreation = false,
            MaximumTokenSizeInBytes = MaxCompactLength,
        };
    }

    internal static JsonObject? SingleSubject(JsonNode? credentialSubject)
    {
        return credentialSubject switch
        {
            JsonObject o => o,
            JsonArray { Count: 1 } a => a[0] as JsonObject,
            _ => null,
        };
    }

    private static DateTimeOffset? DateProperty(JsonObject credential, string name)
    {
        var node = credential[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text) && TryParseDate(text, out var date))
        {
            return date;
        }

        throw new ArgumentException($"credential '{name}' must be an XML Schema dateTime string", nameof(credential));
    }

    internal static bool TryParseDate(string text, out DateTimeOffset date)
    {
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date)
            && text.Contains('T', StringComparison.Ordinal);
    }

    internal static string FormatDate(DateTimeOffset date)
    {
        return date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
