using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VcService.Credentials.DataModel;

/// <summary>
/// Read-only helpers over a credential's JSON. They never throw for hostile JSON: a property of the
/// wrong kind reads as absent.
/// </summary>
public static class CredentialDocument
{
    public static string? GetString(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The issuer id: <c>issuer</c> as a string, or <c>issuer.id</c>.</summary>
    public static string? GetIssuerId(JsonObject credential) =>
        credential["issuer"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonObject o => GetString(o, "id"),
            _ => null,
        };

    /// <summary>The values of <c>type</c> (a string or an array of strings).</summary>
    public static IReadOnlyList<string> GetTypes(JsonObject obj) => GetStrings(obj, "type");

    public static IReadOnlyList<string> GetStrings(JsonObject obj, string name)
    {
        var node = obj[name];
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            return [v.GetValue<string>()];
        if (node is JsonArray array)
        {
            var list = new List<string>(array.Count);
            foreach (var item in array)
                if (item is JsonValue iv && iv.GetValueKind() == JsonValueKind.String)
                    list.Add(iv.GetValue<string>());
            return list;
        }
        return [];
    }

    public static string? GetVersionContext(JsonObject credential)
    {
        var contexts = credential["@context"];
        var first = contexts is JsonArray a && a.Count > 0 ? a[0] : contexts;
        return first is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
    }

    /// <summary>Parses an XML Schema dateTime as the VC data model uses it (time zone required in 2.0; assumed UTC otherwise).</summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64 || !text.Contains('T'))
            return false;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
