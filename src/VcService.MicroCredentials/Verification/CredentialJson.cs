using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VcService.MicroCredentials;

/// <summary>
/// Defensive access to a credential's JSON for the profile readers. Credentials come from outside and
/// JSON-LD allows a value or an array of values everywhere: every access is type-checked and bounded,
/// and a value of the wrong kind reads as absent (the Annex I validation then names it).
/// </summary>
internal static class CredentialJson
{
    /// <summary>Upper bound on items read from any one array (hostile input).</summary>
    public const int MaxItems = JsonFieldReader.MaxArrayItems;

    public static IEnumerable<JsonObject> Items(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node) || node is null) return [];
        if (node is JsonObject single) return [single];
        if (node is JsonArray a) return a.Take(MaxItems).OfType<JsonObject>().ToList();
        return [];
    }

    public static JsonObject? First(JsonObject? o, string name) => Items(o, name).FirstOrDefault();

    /// <summary>The non-empty strings of a value or an array of values.</summary>
    public static List<string> Strings(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node) || node is null) return [];
        IEnumerable<JsonNode?> values = node is JsonArray a ? a.Take(MaxItems) : [node];
        return values.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).Where(s => s.Length > 0).ToList();
    }

    public static string? Str(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node)) return null;
        if (node is JsonArray a) node = a.FirstOrDefault();
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;
    }

    public static string? Id(JsonObject? o) => Str(o, "id");

    public static bool IsTrue(JsonObject? o, string name)
        => o is not null && o.TryGetPropertyValue(name, out var node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>A copy of a language map's string entries (plain string -> {"en": …} is not guessed).</summary>
    public static JsonObject? LangMap(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node) || node is not JsonObject map) return null;
        var copy = new JsonObject();
        foreach (var (k, v) in map.Take(JsonFieldReader.MaxLanguageEntries))
        {
            if (v is JsonValue s && s.GetValueKind() == JsonValueKind.String) copy[k] = s.GetValue<string>();
            else if (v is JsonArray arr && arr.FirstOrDefault() is JsonValue s2 && s2.GetValueKind() == JsonValueKind.String) copy[k] = s2.GetValue<string>();
        }
        return copy.Count == 0 ? null : copy;
    }

    /// <summary>A decimal written as a string ("7.5") as a canonical JSON number; null when it is none.</summary>
    public static JsonValue? DecimalText(string? s)
        => s is not null && s.Length <= 64 && decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? JsonValue.Create(JsonFieldReader.Normalize(d)) : null;

    /// <summary>A JSON number as a canonical decimal (null for non-numbers and numbers out of decimal range).</summary>
    public static JsonValue? Number(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node) || node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return null;
        if (v.TryGetValue<decimal>(out var d)) return JsonValue.Create(JsonFieldReader.Normalize(d));
        if (v.TryGetValue<JsonElement>(out var el) && el.TryGetDecimal(out d)) return JsonValue.Create(JsonFieldReader.Normalize(d));
        return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? JsonValue.Create(JsonFieldReader.Normalize(d)) : null;
    }

    /// <summary>YYYY-MM-DD from a date or a date-time (UTC day).</summary>
    public static string? Date(string? s)
    {
        if (s is null) return null;
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return s;
        return Instant(s)?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset? Instant(string? s)
        => s is not null && s.Length <= 40 && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>The Annex I rules over a view; dates in a credential were checked at issuance, so "future" is not re-judged.</summary>
    public static List<ValidationError> AnnexIErrors(JsonObject view)
        => new(HeiRecordValidator.Validate(view.DeepClone(), ValidationProfile.Default, FarFuture.Instance).Errors);

    private sealed class FarFuture : TimeProvider
    {
        public static readonly FarFuture Instance = new();
        public override DateTimeOffset GetUtcNow() => new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
