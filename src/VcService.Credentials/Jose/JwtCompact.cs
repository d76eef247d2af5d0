using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Crypto;

namespace VcService.Credentials.Jose;

/// <summary>Splitting and decoding of a JWS compact serialization (RFC 7515 §7.1), with clear errors.</summary>
internal static class JwtCompact
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        // RFC 7515 §5.2: reject duplicate member names rather than silently picking one.
        AllowDuplicateProperties = false,
        MaxDepth = JwtVc.MaxJsonDepth,
    };

    internal static bool TrySplit(string? compact, out string[] segments, out string? error)
    {
        segments = [];
        error = null;
        if (string.IsNullOrEmpty(compact))
        {
            error = "token is empty";
            return false;
        }

        if (compact.Length > JwtVc.MaxCompactLength)
        {
            error = $"token is longer than the limit of {JwtVc.MaxCompactLength} characters";
            return false;
        }

        segments = compact.Trim().Split('.');
        if (segments.Length != 3)
        {
            error = $"token must have three segments (header.payload.signature), found {segments.Length}";
            return false;
        }

        return true;
    }

    internal static bool TryDecodeObject(string segment, string name, out JsonObject obj, out string? error)
    {
        obj = [];
        if (!Base64Url.TryDecode(segment, out var bytes, out var b64Error))
        {
            error = $"{name} segment is not valid base64url ({b64Error})";
            return false;
        }

        try
        {
            if (JsonNode.Parse(bytes, documentOptions: JsonOptions) is JsonObject parsed)
            {
                obj = parsed;
                error = null;
                return true;
            }

            error = $"{name} is not a JSON object";
            return false;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            error = $"{name} is not valid JSON";
            return false;
        }
    }
}
