using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VcService.LinkedData.JsonLd;

/// <summary>
/// The light in-memory JSON model the algorithms run on: <see cref="Dictionary{TKey,TValue}"/> (map, insertion
/// ordered), <see cref="List{T}"/> (array), <see cref="string"/>, <see cref="double"/> (number, as JSON-LD's
/// JavaScript heritage treats numbers), <see cref="bool"/>, and <c>null</c>.
/// </summary>
/// <remarks>
/// Deviation: System.Text.Json.Nodes keeps parent links (a node can sit in one tree only) and boxes every value;
/// converting once at the API boundary keeps the hot path allocation-light and lets expanded values be shared.
/// </remarks>
internal static class JsonModel
{
    /// <summary>
    /// Converts a <see cref="JsonNode"/> tree. Values JSON-LD cannot represent raise <see cref="JsonLdException"/>
    /// ("invalid JSON"): a string or key with a lone surrogate, a number that is not finite.
    /// </summary>
    public static object? FromNode(JsonNode? node, int maxDepth)
    {
        try
        {
            return Convert(node, maxDepth, 0);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidCastException or OverflowException)
        {
            // System.Text.Json raises InvalidOperationException for a lone surrogate ("invalid UTF-16 JSON text")
            // when a string or property name is read; the others come from values built in memory.
            throw new JsonLdException(JsonLdErrorCode.InvalidJson, "document holds a value JSON-LD cannot represent: " + e.Message, e);
        }
    }

    /// <summary>A number as the model holds it; infinities and NaN (e.g. 1e400 read as a double) are rejected.</summary>
    public static double FiniteNumber(double value) => double.IsFinite(value)
        ? value
        : throw new JsonLdException(JsonLdErrorCode.InvalidJson, "document holds a number outside the range of a double");

    private static object? Convert(JsonNode? node, int maxDepth, int depth)
    {
        if (depth > maxDepth)
        {
            throw new JsonLdException(JsonLdErrorCode.DocumentTooDeep, $"document nests deeper than the MaxDepth limit ({maxDepth})");
        }
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
            {
                var map = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
                foreach (var (key, value) in obj)
                {
                    map[key] = Convert(value, maxDepth, depth + 1);
                }
                return map;
            }
            case JsonArray arr:
            {
                var list = new List<object?>(arr.Count);
                foreach (var item in arr)
                {
                    list.Add(Convert(item, maxDepth, depth + 1));
                }
                return list;
            }
            default:
            {
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String: return value.GetValue<string>();
                    case JsonValueKind.Number:
                        if (value.TryGetValue<JsonElement>(out var el))
                        {
                            return FiniteNumber(el.GetDouble());
                        }
                        return FiniteNumber(System.Convert.ToDouble(value.GetValue<object>(), CultureInfo.InvariantCulture));
                    case JsonValueKind.True: return true;
                    case JsonValueKind.False: return false;
                    default: return null;
                }
            }
        }
    }

    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null: return null;
            case string s: return JsonValue.Create(s);
            case bool b: return JsonValue.Create(b);
            case double d: return JsonValue.Create(d);
            case Dictionary<string, object?> map:
            {
                var obj = new JsonObject();
                foreach (var (k, v) in map)
                {
                    obj[k] = ToNode(v);
                }
                return obj;
            }
            case List<object?> list:
            {
                var arr = new JsonArray();
                foreach (var item in list)
                {
                    arr.Add(ToNode(item));
                }
                return arr;
            }
            default: throw new InvalidOperationException("unexpected JSON model value " + value.GetType());
        }
    }

    /// <summary>Structural equality (maps ignore key order).</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        switch (a)
        {
            case null: return b is null;
            case string s: return b is string t && s == t;
            case double d: return b is double e && d.Equals(e);
            case bool x: return b is bool y && x == y;
            case List<object?> la:
                if (b is not List<object?> lb || la.Count != lb.Count)
                {
                    return false;
                }
                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], lb[i]))
                    {
                        return false;
                    }
                }
                return true;
            case Dictionary<string, object?> ma:
                if (b is not Dictionary<string, object?> mb || ma.Count != mb.Count)
                {
                    return false;
                }
                foreach (var (k, v) in ma)
                {
                    if (!mb.TryGetValue(k, out var w) || !DeepEquals(v, w))
                    {
                        return false;
                    }
                }
                return true;
            default: return false;
        }
    }

    public static List<object?> AsList(object? value) => value as List<object?> ?? new List<object?> { value };

    /// <summary>A stable text key for a value (JCS-like: sorted keys), used for caching inline contexts.</summary>
    public static string Key(object? value)
    {
        var sb = new System.Text.StringBuilder();
        JsonCanonicalizer.Write(sb, value);
        return sb.ToString();
    }
}
