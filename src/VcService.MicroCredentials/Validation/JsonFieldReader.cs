using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VcService.MicroCredentials;

/// <summary>Typed access to JSON members that records an error instead of throwing.</summary>
internal sealed partial class JsonFieldReader(List<ValidationError> errors)
{
    public const int MaxStringLength = 10_000;
    public const int MaxArrayItems = 100;
    public const int MaxLanguageEntries = 50;

    public List<ValidationError> Errors { get; } = errors;

    public void Add(string path, string message) => Errors.Add(new(path, message));

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string KindName(JsonNode? node) => node is null ? "null" : node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    /// <summary>Reports members not in <paramref name="known"/> so nothing is silently dropped.</summary>
    public void RejectUnknown(JsonObject obj, string path, params string[] known)
    {
        foreach (var (name, _) in obj)
            if (Array.IndexOf(known, name) < 0)
                Add(Join(path, name), "unknown field (not part of the HEI record contract)");
    }

    public JsonObject? Object(JsonObject parent, string name, string path, bool required, string? what = null)
    {
        var node = Member(parent, name, path, required, what);
        if (node is null) return null;
        if (node is JsonObject o) return o;
        Add(Join(path, name), $"must be an object, not {KindName(node)}");
        return null;
    }

    public JsonArray? Array_(JsonObject parent, string name, string path, bool required, string? what = null)
    {
        var node = Member(parent, name, path, required, what);
        if (node is null) return null;
        if (node is not JsonArray a) { Add(Join(path, name), $"must be an array, not {KindName(node)}"); return null; }
        if (a.Count == 0) { Add(Join(path, name), "must contain at least one item" + (what is null ? "" : $" ({what})")); return null; }
        if (a.Count > MaxArrayItems) { Add(Join(path, name), $"must contain at most {MaxArrayItems} items"); return null; }
        return a;
    }

    public string? String(JsonObject parent, string name, string path, bool required, string? what = null)
    {
        var node = Member(parent, name, path, required, what);
        return node is null ? null : StringValue(node, Join(path, name));
    }

    public string? StringValue(JsonNode? node, string path)
    {
        if (node is null || node.GetValueKind() != JsonValueKind.String) { Add(path, $"must be a string, not {KindName(node)}"); return null; }
        var s = node.GetValue<string>();
        if (string.IsNullOrWhiteSpace(s)) { Add(path, "must not be empty"); return null; }
        if (s.Length > MaxStringLength) { Add(path, $"must be at most {MaxStringLength} characters"); return null; }
        return s;
    }

    public decimal? Decimal(JsonObject parent, string name, string path, bool required = false)
    {
        var node = Member(parent, name, path, required, null);
        if (node is null) return null;
        var p = Join(path, name);
        if (node.GetValueKind() != JsonValueKind.Number) { Add(p, $"must be a number, not {KindName(node)}"); return null; }
        var v = node.AsValue();
        if (v.TryGetValue<decimal>(out var d)) return Normalize(d);
        if (v.TryGetValue<JsonElement>(out var el) && el.TryGetDecimal(out d)) return Normalize(d);
        // Values built in code (int, long, double…) rather than parsed: go through their JSON text.
        if (decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return Normalize(d);
        Add(p, "must be a decimal number in range");
        return null;
    }

    public bool? Boolean(JsonObject parent, string name, string path)
    {
        var node = Member(parent, name, path, false, null);
        if (node is null) return null;
        var k = node.GetValueKind();
        if (k is JsonValueKind.True or JsonValueKind.False) return k == JsonValueKind.True;
        Add(Join(path, name), $"must be a boolean, not {KindName(node)}");
        return null;
    }

    /// <summary>A language map: BCP 47 language tag -> non-empty text; at least one entry.</summary>
    public IReadOnlyDictionary<string, string>? LanguageMap(JsonObject parent, string name, string path, bool required, string? what = null)
    {
        var node = Member(parent, name, path, required, what);
        if (node is null) return null;
        var p = Join(path, name);
        if (node is not JsonObject o) { Add(p, $"must be a language map object like {{\"en\": \"…\"}}, not {KindName(node)}"); return null; }
        if (o.Count == 0) { Add(p, "must contain text in at least one language"); return null; }
        if (o.Count > MaxLanguageEntries) { Add(p, $"must have at most {MaxLanguageEntries} languages"); return null; }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (tag, value) in o)
        {
            if (!LanguageTag().IsMatch(tag)) { Add($"{p}.{tag}", "key must be a BCP 47 language tag (e.g. en, de, pt-BR)"); ok = false; continue; }
            var s = StringValue(value, $"{p}.{tag}");
            if (s is null) { ok = false; continue; }
            map[tag] = s;
        }
        return ok ? map : null;
    }

    public static decimal Normalize(decimal d) => d / 1.000000000000000000000000000000000m;

    public static string FormatDecimal(decimal d) => Normalize(d).ToString(CultureInfo.InvariantCulture);

    private JsonNode? Member(JsonObject parent, string name, string path, bool required, string? what)
    {
        if (parent.TryGetPropertyValue(name, out var node) && node is not null) return node;
        if (required) Add(Join(path, name), "is required" + (what is null ? "" : $" ({what})"));
        return null;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
