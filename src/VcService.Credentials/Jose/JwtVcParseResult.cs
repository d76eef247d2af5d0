using System.Text.Json.Nodes;

namespace VcService.Credentials.Jose;

/// <summary>
/// Outcome of <see cref="JwtVc.Parse"/> (no signature check). On failure <see cref="Error"/> names the
/// problem and the JSON members hold whatever could be decoded (empty objects otherwise).
/// </summary>
public sealed class JwtVcParseResult
{
    private JwtVcParseResult(bool success, string? error, JsonObject header, JsonObject payload, JsonObject credential)
    {
        Success = success;
        Error = error;
        Header = header;
        Payload = payload;
        Credential = credential;
    }

    /// <summary>True when the token decoded and the credential was reconstructed.</summary>
    public bool Success { get; }

    /// <summary>Why parsing failed; null on success.</summary>
    public string? Error { get; }

    /// <summary>The JOSE header.</summary>
    public JsonObject Header { get; }

    /// <summary>The JWT claims set.</summary>
    public JsonObject Payload { get; }

    /// <summary>The vc claim with the registered claims mapped back (VC Data Model 1.1 §6.3.2).</summary>
    public JsonObject Credential { get; }

    /// <summary>Header "alg".</summary>
    public string? Alg => StringOf(Header, "alg");

    /// <summary>Header "kid".</summary>
    public string? Kid => StringOf(Header, "kid");

    /// <summary>Header "typ".</summary>
    public string? Typ => StringOf(Header, "typ");

    internal static JwtVcParseResult Ok(JsonObject header, JsonObject payload, JsonObject credential)
    {
        return new JwtVcParseResult(true, null, header, payload, credential);
    }

    internal static JwtVcParseResult Fail(string error, JsonObject? header = null, JsonObject? payload = null)
    {
        return new JwtVcParseResult(false, error, header ?? [], payload ?? [], []);
    }

    private static string? StringOf(JsonObject obj, string name)
    {
        return obj[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
    }
}
