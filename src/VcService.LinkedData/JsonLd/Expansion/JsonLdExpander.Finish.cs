using System.Runtime.InteropServices;
using VcService.LinkedData.JsonLd.Context;

namespace VcService.LinkedData.JsonLd.Expansion;

/// <summary>Expansion §5.1.2 steps 15-19 and shared helpers.</summary>
internal sealed partial class JsonLdExpander
{
    /// <summary>Steps 15-20.</summary>
    private object? Finish(Dictionary<string, object?> result, string? activeProperty)
    {
        object? r = result;
        if (result.TryGetValue(Keywords.Value, out var value))
        {
            // 15.1)
            foreach (var k in result.Keys)
            {
                if (k is not (Keywords.Direction or Keywords.Index or Keywords.Language or Keywords.Type or Keywords.Value))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, $"value object has entry '{k}'");
                }
            }
            var hasType = result.TryGetValue(Keywords.Type, out var type);
            if (hasType && (result.ContainsKey(Keywords.Language) || result.ContainsKey(Keywords.Direction)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, "value object has @type and @language or @direction");
            }
            if (hasType && type is Keywords.Json)
            {
                // 15.2) Any JSON value.
            }
            else if (value is null || (value is List<object?> { Count: 0 }))
            {
                // 15.3)
                SafeMode.Event(_safe, SafeMode.NullValueValue, "value object with a null @value is dropped");
                r = null;
            }
            else if (value is not string && result.ContainsKey(Keywords.Language))
            {
                // 15.4)
                throw new JsonLdException(JsonLdErrorCode.InvalidLanguageTaggedValue, "@language on a non-string @value");
            }
            else if (hasType && (type is not string ts || !Iri.IsWellFormedAbsolute(ts)))
            {
                // 15.5)
                throw new JsonLdException(JsonLdErrorCode.InvalidTypedValue, "@type of a value object must be an absolute IRI");
            }
        }
        else if (result.TryGetValue(Keywords.Type, out var types) && types is not List<object?>)
        {
            // 16)
            result[Keywords.Type] = new List<object?> { types };
        }
        else if (result.TryGetValue(Keywords.Set, out var setValue) || result.ContainsKey(Keywords.List))
        {
            // 17.1)
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey(Keywords.Index)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidSetOrListObject, "@set / @list objects may only add @index");
            }
            // 17.2)
            if (result.ContainsKey(Keywords.Set))
            {
                r = setValue;
            }
        }
        if (r is Dictionary<string, object?> m)
        {
            // 18)
            if (m.Count == 1 && m.ContainsKey(Keywords.Language))
            {
                SafeMode.Event(_safe, SafeMode.ObjectWithOnlyLanguage, "object with only @language is dropped");
                return null;
            }
            // 19) Free-floating values at the top / in @graph.
            if (activeProperty is null or Keywords.Graph)
            {
                if (m.Count == 0)
                {
                    SafeMode.Event(_safe, SafeMode.EmptyObject, "empty object is dropped");
                    return null;
                }
                if (m.ContainsKey(Keywords.Value))
                {
                    SafeMode.Event(_safe, SafeMode.ObjectWithOnlyValue, "free-floating value object is dropped");
                    return null;
                }
                if (m.ContainsKey(Keywords.List))
                {
                    SafeMode.Event(_safe, SafeMode.ObjectWithOnlyList, "free-floating list object is dropped");
                    return null;
                }
                if (m.Count == 1 && m.ContainsKey(Keywords.Id))
                {
                    SafeMode.Event(_safe, SafeMode.ObjectWithOnlyId, $"node '{m[Keywords.Id]}' with only @id is dropped");
                    return null;
                }
            }
        }
        return r;
    }

    private static List<string> SortedKeys(Dictionary<string, object?> map)
    {
        var keys = new List<string>(map.Keys);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    internal static void AddValue(Dictionary<string, object?> map, string key, object? value)
    {
        // One hash lookup: the entry is added (null) when missing; an existing non-array value becomes an array.
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out var exists);
        if (entry is not List<object?> list)
        {
            list = exists ? new List<object?> { entry } : new List<object?>(value is List<object?> added ? added.Count : 1);
            entry = list;
        }
        if (value is List<object?> values)
        {
            list.AddRange(values);
        }
        else
        {
            list.Add(value);
        }
    }

    private static Dictionary<string, object?> GetOrAddMap(Dictionary<string, object?> map, string key)
    {
        if (map.TryGetValue(key, out var existing) && existing is Dictionary<string, object?> m)
        {
            return m;
        }
        m = new Dictionary<string, object?>(StringComparer.Ordinal);
        map[key] = m;
        return m;
    }

    internal static bool IsValueObject(object? o) => o is Dictionary<string, object?> m && m.ContainsKey(Keywords.Value);

    internal static bool IsListObject(object? o) => o is Dictionary<string, object?> m && m.ContainsKey(Keywords.List);

    internal static bool IsGraphObject(object? o)
    {
        if (o is not Dictionary<string, object?> m || !m.ContainsKey(Keywords.Graph))
        {
            return false;
        }
        foreach (var k in m.Keys)
        {
            if (k is not (Keywords.Graph or Keywords.Id or Keywords.Index))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsNodeObject(object? o) =>
        o is Dictionary<string, object?> m && !m.ContainsKey(Keywords.Value) && !m.ContainsKey(Keywords.List) && !m.ContainsKey(Keywords.Set);
}
