using VcService.LinkedData.JsonLd.Context;

namespace VcService.LinkedData.JsonLd.Expansion;

/// <summary>Expansion §5.1.2 steps 13.7-13.8: language, index, id and type maps.</summary>
internal sealed partial class JsonLdExpander
{
    /// <summary>Step 13.7.</summary>
    private List<object?> ExpandLanguageMap(ActiveContext active, TermDefinition def, Dictionary<string, object?> languageMap)
    {
        var expanded = new List<object?>();
        // 13.7.2-13.7.3)
        var direction = def.HasDirection ? def.Direction : active.DefaultDirection;
        if (languageMap.Count == 1)
        {
            // One language (the usual case): nothing to sort.
            foreach (var (language, value) in languageMap)
            {
                ExpandLanguageEntry(active, expanded, language, value, direction);
            }
            return expanded;
        }
        foreach (var language in SortedKeys(languageMap))
        {
            ExpandLanguageEntry(active, expanded, language, languageMap[language], direction);
        }
        return expanded;
    }

    /// <summary>Step 13.7.4 for one language map entry.</summary>
    private void ExpandLanguageEntry(ActiveContext active, List<object?> expanded, string language, object? value, string? direction)
    {
        var isNone = IsNoneLanguage(active, language);
        if (value is List<object?> items)
        {
            foreach (var item in items)
            {
                AddLanguageValue(expanded, language, isNone, direction, item);
            }
        }
        else
        {
            AddLanguageValue(expanded, language, isNone, direction, value);
        }
    }

    /// <summary>Step 13.7.4.2.4: a language map key that is @none, or expands to it, gives strings without a language.</summary>
    internal static bool IsNoneLanguage(ActiveContext active, string language) =>
        language == Keywords.None || IriExpander.Expand(active, language, false, true) == Keywords.None;

    /// <summary>Steps 13.7.4.2.1-13.7.4.2.5 for one item of a language map entry.</summary>
    private void AddLanguageValue(List<object?> expanded, string language, bool isNone, string? direction, object? item)
    {
        if (item is null)
        {
            return;
        }
        if (item is not string s)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidLanguageMapValue, $"language map value for '{language}' must be a string");
        }
        var v = new Dictionary<string, object?>(3, StringComparer.Ordinal) { [Keywords.Value] = s };
        if (!isNone)
        {
            if (!SafeMode.IsWellFormedLanguage(language))
            {
                SafeMode.Event(_safe, SafeMode.InvalidLanguageValue, $"language map key '{language}' is not a well-formed language tag");
            }
            v[Keywords.Language] = language.ToLowerInvariant();
        }
        if (direction is not null)
        {
            v[Keywords.Direction] = direction;
        }
        expanded.Add(v);
    }

    /// <summary>Step 13.8.</summary>
    private List<object?> ExpandIndexMap(ActiveContext active, string key, TermDefinition def, Dictionary<string, object?> map, string? baseUrl)
    {
        var container = def.Container;
        var expanded = new List<object?>();
        // 13.8.2)
        var indexKey = def.Index ?? Keywords.Index;
        foreach (var index in SortedKeys(map))
        {
            // 13.8.3.1-13.8.3.3)
            var mapContext = active;
            if ((container & (ContainerKind.Id | ContainerKind.Type)) != 0)
            {
                mapContext = active.PreviousContext ?? active;
            }
            if ((container & ContainerKind.Type) != 0 && mapContext.Get(index) is { HasLocalContext: true } indexDef)
            {
                mapContext = _contexts.Process(mapContext, indexDef.LocalContext, indexDef.BaseUrl, scopedFrom: indexDef);
            }
            // 13.8.3.4)
            var expandedIndex = IriExpander.Expand(active, index, false, true);
            // 13.8.3.5-13.8.3.6)
            var indexValue = map[index] is List<object?> l ? l : new List<object?> { map[index] };
            var items = JsonModel.AsList(Expand(mapContext, key, indexValue, baseUrl, fromMap: true));
            foreach (var entry in items)
            {
                var item = entry;
                // 13.8.3.7.1)
                if ((container & ContainerKind.Graph) != 0 && !IsGraphObject(item))
                {
                    item = new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Keywords.Graph] = JsonModel.AsList(item) };
                }
                var itemMap = (Dictionary<string, object?>)item!;
                if ((container & ContainerKind.Index) != 0 && indexKey != Keywords.Index && expandedIndex != Keywords.None)
                {
                    // 13.8.3.7.2) Property-valued index.
                    var reExpandedIndex = ValueExpander.Expand(active, indexKey, index, _safe);
                    var expandedIndexKey = IriExpander.Expand(active, indexKey, false, true)!;
                    var values = new List<object?> { reExpandedIndex };
                    if (itemMap.TryGetValue(expandedIndexKey, out var existing))
                    {
                        values.AddRange(JsonModel.AsList(existing));
                    }
                    itemMap[expandedIndexKey] = values;
                    if (itemMap.ContainsKey(Keywords.Value))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidValueObject, $"property-valued index '{indexKey}' applied to a value object");
                    }
                }
                else if ((container & ContainerKind.Index) != 0 && !itemMap.ContainsKey(Keywords.Index) && expandedIndex != Keywords.None)
                {
                    // 13.8.3.7.3)
                    itemMap[Keywords.Index] = index;
                }
                else if ((container & ContainerKind.Id) != 0 && !itemMap.ContainsKey(Keywords.Id) && expandedIndex != Keywords.None)
                {
                    // 13.8.3.7.4)
                    var id = IriExpander.Expand(active, index, documentRelative: true, vocab: false);
                    if (_safe && (id is null || (!Iri.IsAbsolute(id) && !Iri.IsBlankNode(id))))
                    {
                        SafeMode.Event(true, SafeMode.RelativeIdReference, $"id map key '{index}' does not expand to an absolute IRI");
                    }
                    itemMap[Keywords.Id] = id;
                }
                else if ((container & ContainerKind.Type) != 0 && expandedIndex != Keywords.None)
                {
                    // 13.8.3.7.5)
                    var types = new List<object?> { expandedIndex };
                    if (itemMap.TryGetValue(Keywords.Type, out var existingTypes))
                    {
                        types.AddRange(JsonModel.AsList(existingTypes));
                    }
                    itemMap[Keywords.Type] = types;
                }
                // 13.8.3.7.6)
                expanded.Add(itemMap);
            }
        }
        return expanded;
    }
}
