namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>
/// Compares expanded JSON-LD by meaning: maps ignore key order; @list arrays and JSON literal values keep their
/// order; other arrays are sets (JSON-LD values of a property are unordered).
/// </summary>
public static class JsonLdSemanticEquality
{
    public static bool AreEqual(object? expected, object? actual) => Equal(expected, actual, ordered: false);

    private static bool Equal(object? a, object? b, bool ordered)
    {
        switch (a)
        {
            case null: return b is null;
            case string s: return b is string t && s == t;
            case double d: return b is double e && d.Equals(e);
            case bool x: return b is bool y && x == y;
            case Dictionary<string, object?> ma:
                if (b is not Dictionary<string, object?> mb || ma.Count != mb.Count)
                {
                    return false;
                }
                var isJson = ma.TryGetValue("@type", out var type) && type is "@json";
                foreach (var (k, v) in ma)
                {
                    if (!mb.TryGetValue(k, out var w))
                    {
                        return false;
                    }
                    var keepOrder = ordered || k == "@list" || (isJson && k == "@value");
                    if (!Equal(v, w, keepOrder))
                    {
                        return false;
                    }
                }
                return true;
            case List<object?> la:
                if (b is not List<object?> lb || la.Count != lb.Count)
                {
                    return false;
                }
                if (ordered)
                {
                    for (var i = 0; i < la.Count; i++)
                    {
                        if (!Equal(la[i], lb[i], ordered: false))
                        {
                            return false;
                        }
                    }
                    return true;
                }
                var used = new bool[lb.Count];
                foreach (var item in la)
                {
                    var found = false;
                    for (var j = 0; j < lb.Count; j++)
                    {
                        if (!used[j] && Equal(item, lb[j], ordered: false))
                        {
                            used[j] = found = true;
                            break;
                        }
                    }
                    if (!found)
                    {
                        return false;
                    }
                }
                return true;
            default: return false;
        }
    }
}
