using System.Text.Json.Nodes;

namespace VcService.Credentials.Jose;

/// <summary>VC Data Model 1.1 §6.3.2 decoding: registered JWT claims back into the credential.</summary>
internal static class JwtVcClaimMapping
{
    /// <summary>Applies the mapping to <paramref name="credential"/>; returns an error naming the claim, or null.</summary>
    internal static string? Apply(JsonObject payload, JsonObject credential)
    {
        return MapIss(payload, credential)
            ?? MapDate(payload, credential, "nbf", "issuanceDate")
            ?? MapDate(payload, credential, "exp", "expirationDate")
            ?? MapJti(payload, credential)
            ?? MapSub(payload, credential);
    }

    // 1) iss → issuer (or issuer.id when issuer is an object).
    private static string? MapIss(JsonObject payload, JsonObject credential)
    {
        if (!TryString(payload, "iss", out var iss, out var error))
        {
            return error;
        }

        if (iss is null)
        {
            return null;
        }

        switch (credential["issuer"])
        {
            case null:
                credential["issuer"] = iss;
                return null;
            case JsonValue v when v.TryGetValue<string>(out var s):
                return s == iss ? null : $"claim 'iss' ('{iss}') disagrees with vc.issuer ('{s}')";
            case JsonObject o:
                if (o["id"] is null)
                {
                    o["id"] = iss;
                    return null;
                }

                return o["id"] is JsonValue idv && idv.TryGetValue<string>(out var id) && id == iss
                    ? null
                    : $"claim 'iss' ('{iss}') disagrees with vc.issuer.id";
            default:
                return "vc.issuer is neither a string nor an object";
        }
    }

    // 2) nbf → issuanceDate, 3) exp → expirationDate (NumericDate, seconds since the epoch).
    private static string? MapDate(JsonObject payload, JsonObject credential, string claim, string property)
    {
        var node = payload[claim];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || !value.TryGetValue<double>(out var seconds) || double.IsNaN(seconds)
            || seconds < -62135596800d || seconds > 253402300799d)
        {
            return $"claim '{claim}' is not a NumericDate";
        }

        var whole = (long)Math.Floor(seconds);
        switch (credential[property])
        {
            case null:
                credential[property] = JwtVc.FormatDate(DateTimeOffset.FromUnixTimeSeconds(whole));
                return null;
            case JsonValue v when v.TryGetValue<string>(out var text) && JwtVc.TryParseDate(text, out var date):
                // Compare at whole seconds: NumericDate drops the fraction the dateTime may carry.
                return date.ToUnixTimeSeconds() == whole
                    ? null
                    : $"claim '{claim}' ({whole}) disagrees with vc.{property} ('{text}')";
            default:
                return $"vc.{property} is not a valid dateTime";
        }
    }

    // 4) jti → id.
    private static string? MapJti(JsonObject payload, JsonObject credential)
    {
        if (!TryString(payload, "jti", out var jti, out var error))
        {
            return error;
        }

        if (jti is null)
        {
            return null;
        }

        if (credential["id"] is null)
        {
            credential["id"] = jti;
            return null;
        }

        return credential["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id == jti
            ? null
            : $"claim 'jti' ('{jti}') disagrees with vc.id";
    }

    // 5) sub → credentialSubject.id.
    private static string? MapSub(JsonObject payload, JsonObject credential)
    {
        if (!TryString(payload, "sub", out var sub, out var error))
        {
            return error;
        }

        if (sub is null)
        {
            return null;
        }

        var subjectNode = credential["credentialSubject"];
        if (subjectNode is null)
        {
            credential["credentialSubject"] = new JsonObject { ["id"] = sub };
            return null;
        }

        var subject = JwtVc.SingleSubject(subjectNode);
        if (subject is null)
        {
            // Several subjects: sub must name one of them.
            return subjectNode is JsonArray many && many.OfType<JsonObject>().Any(s => IdOf(s) == sub)
                ? null
                : "claim 'sub' does not match any vc.credentialSubject id";
        }

        if (subject["id"] is null)
        {
            subject["id"] = sub;
            return null;
        }

        return IdOf(subject) == sub ? null : $"claim 'sub' ('{sub}') disagrees with vc.credentialSubject.id";
    }

    private static string? IdOf(JsonObject obj)
    {
        return obj["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    private static bool TryString(JsonObject payload, string claim, out string? value, out string? error)
    {
        value = null;
        error = null;
        var node = payload[claim];
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            value = s;
            return true;
        }

        error = $"claim '{claim}' is not a string";
        return false;
    }
}
