using VcService.LinkedData.JsonLd.Context;

namespace VcService.LinkedData.JsonLd.Expansion;

/// <summary>
/// Expansion Algorithm (JSON-LD 1.1 API §5.1.2, https://www.w3.org/TR/json-ld11-api/#expansion-algorithm).
/// Works on the <see cref="JsonModel"/>; frame expansion is not implemented (only used by framing).
/// </summary>
internal sealed class JsonLdExpander
{
    private readonly ContextProcessor _contexts;
    private readonly bool _safe;
    private readonly bool _json10;

    public JsonLdExpander(ContextProcessor contexts)
    {
        _contexts = contexts;
        _safe = contexts.SafeModeOn;
        _json10 = contexts.IsJsonLd10;
    }

    public object? Expand(ActiveContext active, string? activeProperty, object? element, string? baseUrl, bool fromMap = false)
    {
        // 1)
        if (element is null)
        {
            return null;
        }
        // 3) Property-scoped context.
        var activeDef = activeProperty is null ? null : active.Get(activeProperty);
        // 4) Scalars.
        if (element is string or double or bool)
        {
            if (activeProperty is null or Keywords.Graph)
            {
                SafeMode.Event(_safe, SafeMode.FreeFloatingScalar, $"free-floating value '{element}' is dropped");
                return null;
            }
            if (activeDef is { HasLocalContext: true })
            {
                active = _contexts.Process(active, activeDef.LocalContext, activeDef.BaseUrl, scopedFrom: activeDef);
            }
            return ValueExpander.Expand(active, activeProperty, element, _safe);
        }
        // 5) Arrays.
        if (element is List<object?> array)
        {
            var result = new List<object?>(array.Count);
            var isList = activeDef is not null && activeDef.Has(ContainerKind.List);
            foreach (var item in array)
            {
                var expanded = Expand(active, activeProperty, item, baseUrl, fromMap);
                // 5.2.2) Nested arrays in a list container become list objects.
                if (isList && expanded is List<object?> inner)
                {
                    expanded = new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Keywords.List] = inner };
                }
                if (expanded is List<object?> items)
                {
                    result.AddRange(items);
                }
                else if (expanded is not null)
                {
                    result.Add(expanded);
                }
            }
            return result;
        }
        // 6) A map.
        var element_ = (Dictionary<string, object?>)element;
        // 7) Revert a non-propagated context unless this is a value object or a lone @id.
        if (active.PreviousContext is not null && !fromMap && !KeepsNonPropagated(active, element_))
        {
            active = active.PreviousContext;
        }
        // 8) Property-scoped context, overriding protected terms.
        if (activeDef is { HasLocalContext: true })
        {
            active = _contexts.Process(active, activeDef.LocalContext, activeDef.BaseUrl, overrideProtected: true,
                scopedFrom: activeDef);
        }
        // 9) Embedded context.
        if (element_.TryGetValue(Keywords.Context, out var embedded))
        {
            active = _contexts.Process(active, embedded, baseUrl);
        }
        // 10)
        var typeScopedContext = active;
        string? typeKey = null;
        // 11) Type-scoped contexts, keys and values in lexicographic order.
        List<string>? typeKeys = null;
        foreach (var key in element_.Keys)
        {
            if (IriExpander.Expand(active, key, false, true) == Keywords.Type)
            {
                (typeKeys ??= new List<string>(1)).Add(key);
            }
        }
        if (typeKeys is not null)
        {
            if (typeKeys.Count > 1)
            {
                typeKeys.Sort(StringComparer.Ordinal);
            }
            typeKey = typeKeys[0];
            foreach (var key in typeKeys)
            {
                var values = element_[key];
                if (values is List<object?> list)
                {
                    var terms = new List<string>(list.Count);
                    foreach (var v in list)
                    {
                        if (v is string s)
                        {
                            terms.Add(s);
                        }
                    }
                    terms.Sort(StringComparer.Ordinal);
                    foreach (var term in terms)
                    {
                        active = ApplyTypeScoped(active, typeScopedContext, term);
                    }
                }
                else if (values is string single)
                {
                    active = ApplyTypeScoped(active, typeScopedContext, single);
                }
            }
        }
        // 12) Input type: the last value of the first @type entry, IRI expanded.
        string? inputType = null;
        if (typeKey is not null)
        {
            var tv = element_[typeKey];
            var last = tv is List<object?> { Count: > 0 } tl ? tl[^1] : tv;
            if (last is string ls)
            {
                inputType = IriExpander.Expand(active, ls, false, true);
            }
        }
        // 13-14)
        var result_ = new Dictionary<string, object?>(element_.Count, StringComparer.Ordinal);
        ExpandEntries(active, typeScopedContext, activeProperty, element_, result_, inputType, baseUrl);
        return Finish(result_, activeProperty);
    }

    private ActiveContext ApplyTypeScoped(ActiveContext active, ActiveContext typeScopedContext, string term)
    {
        var def = typeScopedContext.Get(term);
        if (def is { HasLocalContext: true })
        {
            return _contexts.Process(active, def.LocalContext, def.BaseUrl, propagate: false, scopedFrom: def);
        }
        return active;
    }

    private static bool KeepsNonPropagated(ActiveContext active, Dictionary<string, object?> element)
    {
        var onlyId = element.Count == 1;
        foreach (var key in element.Keys)
        {
            var expanded = IriExpander.Expand(active, key, false, true);
            if (expanded == Keywords.Value)
            {
                return true;
            }
            if (onlyId && expanded == Keywords.Id)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Steps 13 and 14 (also applied to @nest values).</summary>
    private void ExpandEntries(ActiveContext active, ActiveContext typeScopedContext, string? activeProperty,
        Dictionary<string, object?> element, Dictionary<string, object?> result, string? inputType, string? baseUrl)
    {
        List<string>? nests = null;
        foreach (var (key, value) in element)
        {
            // 13.1)
            if (key == Keywords.Context)
            {
                continue;
            }
            // 13.2-13.3) Drop keys that expand to neither an IRI nor a keyword.
            var expandedProperty = IriExpander.Expand(active, key, false, true);
            if (expandedProperty is null || (!Keywords.IsKeyword(expandedProperty) && expandedProperty.IndexOf(':') < 0))
            {
                SafeMode.Event(_safe, SafeMode.InvalidProperty, $"property '{key}' does not expand to an absolute IRI and is dropped");
                continue;
            }
            // 13.4) Keywords.
            if (Keywords.IsKeyword(expandedProperty))
            {
                if (ExpandKeyword(active, typeScopedContext, activeProperty, key, expandedProperty, value, result, inputType, baseUrl))
                {
                    (nests ??= new List<string>()).Add(key);
                }
                continue;
            }
            if (_safe && !Iri.IsAbsolute(expandedProperty) && !Iri.IsBlankNode(expandedProperty))
            {
                SafeMode.Event(true, SafeMode.InvalidProperty, $"property '{key}' expands to '{expandedProperty}', not an absolute IRI");
            }
            // 13.5)
            var def = active.Get(key);
            var container = def?.Container ?? ContainerKind.None;
            object? expandedValue;
            if (def?.TypeMapping == Keywords.Json)
            {
                // 13.6) JSON literal.
                expandedValue = new Dictionary<string, object?>(2, StringComparer.Ordinal) { [Keywords.Value] = value, [Keywords.Type] = Keywords.Json };
            }
            else if ((container & ContainerKind.Language) != 0 && value is Dictionary<string, object?> languageMap)
            {
                // 13.7) Language map.
                expandedValue = ExpandLanguageMap(active, def!, languageMap);
            }
            else if ((container & (ContainerKind.Index | ContainerKind.Type | ContainerKind.Id)) != 0 && value is Dictionary<string, object?> indexMap)
            {
                // 13.8) Index, id and type maps.
                expandedValue = ExpandIndexMap(active, key, def!, indexMap, baseUrl);
            }
            else
            {
                // 13.9)
                expandedValue = Expand(active, key, value, baseUrl);
            }
            // 13.10)
            if (expandedValue is null)
            {
                continue;
            }
            // 13.11) List container.
            if ((container & ContainerKind.List) != 0 && !IsListObject(expandedValue))
            {
                expandedValue = new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Keywords.List] = JsonModel.AsList(expandedValue) };
            }
            // 13.12) Graph container (not id/index maps): wrap each value in a graph object.
            if ((container & ContainerKind.Graph) != 0 && (container & (ContainerKind.Id | ContainerKind.Index)) == 0)
            {
                var items = JsonModel.AsList(expandedValue);
                var wrapped = new List<object?>(items.Count);
                foreach (var ev in items)
                {
                    wrapped.Add(new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Keywords.Graph] = JsonModel.AsList(ev) });
                }
                expandedValue = wrapped;
            }
            // 13.13) Reverse property.
            if (def is { Reverse: true })
            {
                var reverseMap = GetOrAddMap(result, Keywords.Reverse);
                foreach (var item in JsonModel.AsList(expandedValue))
                {
                    if (IsValueObject(item) || IsListObject(item))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyValue, $"reverse property '{key}' cannot have values or lists");
                    }
                    AddValue(reverseMap, expandedProperty, item);
                }
                continue;
            }
            // 13.14)
            AddValue(result, expandedProperty, expandedValue);
        }
        // 14) Nested properties, in lexicographic order of the nesting keys.
        if (nests is null)
        {
            return;
        }
        nests.Sort(StringComparer.Ordinal);
        foreach (var nestingKey in nests)
        {
            foreach (var nested in JsonModel.AsList(element[nestingKey]))
            {
                if (nested is not Dictionary<string, object?> nestedMap)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, $"'{nestingKey}' must hold maps");
                }
                foreach (var nk in nestedMap.Keys)
                {
                    if (IriExpander.Expand(active, nk, false, true) == Keywords.Value)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, $"'{nestingKey}' must not hold value objects");
                    }
                }
                // 14.2.2) Steps 3 and 8 for the nesting key: its property-scoped context applies.
                var nestActive = active;
                if (active.Get(nestingKey) is { HasLocalContext: true } nestDef)
                {
                    nestActive = _contexts.Process(active, nestDef.LocalContext, nestDef.BaseUrl, overrideProtected: true,
                        scopedFrom: nestDef);
                }
                ExpandEntries(nestActive, typeScopedContext, activeProperty, nestedMap, result, inputType, baseUrl);
            }
        }
    }

    /// <summary>Step 13.4; returns true when the key is an @nest key to process in step 14.</summary>
    private bool ExpandKeyword(ActiveContext active, ActiveContext typeScopedContext, string? activeProperty, string key,
        string expandedProperty, object? value, Dictionary<string, object?> result, string? inputType, string? baseUrl)
    {
        // 13.4.1)
        if (activeProperty == Keywords.Reverse)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyMap, $"keyword '{key}' inside @reverse");
        }
        // 13.4.2)
        if (result.ContainsKey(expandedProperty) && (_json10 || (expandedProperty != Keywords.Included && expandedProperty != Keywords.Type)))
        {
            throw new JsonLdException(JsonLdErrorCode.CollidingKeywords, $"'{key}' collides with another {expandedProperty} entry");
        }
        object? expandedValue;
        switch (expandedProperty)
        {
            case Keywords.Id:
            {
                // 13.4.3)
                if (value is null)
                {
                    // Deviation: as jsonld.js, a null @id is dropped (with a safe-mode event) rather than rejected.
                    SafeMode.Event(_safe, SafeMode.NullIdValue, "@id is null");
                    return false;
                }
                if (value is not string id)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIdValue, $"'{key}' must be a string");
                }
                var iri = IriExpander.Expand(active, id, documentRelative: true, vocab: false);
                if (_safe && (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri))))
                {
                    SafeMode.Event(true, SafeMode.RelativeIdReference, $"@id '{id}' does not expand to an absolute IRI");
                }
                expandedValue = iri;
                break;
            }
            case Keywords.Type:
            {
                // 13.4.4)
                if (value is string t)
                {
                    expandedValue = ExpandType(typeScopedContext, t);
                }
                else if (value is List<object?> types)
                {
                    var list = new List<object?>(types.Count);
                    foreach (var item in types)
                    {
                        if (item is not string ts)
                        {
                            throw new JsonLdException(JsonLdErrorCode.InvalidTypeValue, $"'{key}' must be a string or an array of strings");
                        }
                        list.Add(ExpandType(typeScopedContext, ts));
                    }
                    expandedValue = list;
                }
                else
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTypeValue, $"'{key}' must be a string or an array of strings");
                }
                // 13.4.4.5) Merge with an earlier @type entry.
                if (result.TryGetValue(Keywords.Type, out var existing))
                {
                    var merged = new List<object?>(JsonModel.AsList(existing));
                    merged.AddRange(JsonModel.AsList(expandedValue));
                    expandedValue = merged;
                }
                break;
            }
            case Keywords.Graph:
                // 13.4.5)
                expandedValue = JsonModel.AsList(Expand(active, Keywords.Graph, value, baseUrl));
                break;
            case Keywords.Included:
            {
                // 13.4.6)
                if (_json10)
                {
                    return false;
                }
                var included = JsonModel.AsList(Expand(active, null, value, baseUrl));
                foreach (var item in included)
                {
                    if (!IsNodeObject(item))
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidIncludedValue, "@included values must be node objects");
                    }
                }
                if (result.TryGetValue(Keywords.Included, out var prior))
                {
                    var merged = new List<object?>(JsonModel.AsList(prior));
                    merged.AddRange(included);
                    included = merged;
                }
                expandedValue = included;
                break;
            }
            case Keywords.Value:
                // 13.4.7)
                if (inputType == Keywords.Json)
                {
                    if (_json10)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidValueObjectValue, "@json needs json-ld-1.1");
                    }
                    expandedValue = value;
                }
                else if (value is not (null or string or double or bool))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidValueObjectValue, "@value must be a scalar or null");
                }
                else
                {
                    expandedValue = value;
                }
                result[Keywords.Value] = expandedValue;
                return false;
            case Keywords.Language:
            {
                // 13.4.8)
                if (value is not string language)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidLanguageTaggedString, "@language must be a string");
                }
                if (!SafeMode.IsWellFormedLanguage(language))
                {
                    SafeMode.Event(_safe, SafeMode.InvalidLanguageValue, $"@language '{language}' is not a well-formed language tag");
                }
                expandedValue = language.ToLowerInvariant();
                break;
            }
            case Keywords.Direction:
                // 13.4.9)
                if (_json10)
                {
                    return false;
                }
                if (value is not ("ltr" or "rtl"))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, "@direction must be \"ltr\" or \"rtl\"");
                }
                expandedValue = value;
                break;
            case Keywords.Index:
                // 13.4.10)
                if (value is not string)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIndexValue, "@index must be a string");
                }
                expandedValue = value;
                break;
            case Keywords.List:
                // 13.4.11) Free-floating lists are dropped.
                if (activeProperty is null or Keywords.Graph)
                {
                    return false;
                }
                expandedValue = JsonModel.AsList(Expand(active, activeProperty, value, baseUrl));
                break;
            case Keywords.Set:
                // 13.4.12)
                expandedValue = Expand(active, activeProperty, value, baseUrl);
                break;
            case Keywords.Reverse:
                ExpandReverse(active, value, result, baseUrl);
                return false;
            case Keywords.Nest:
                // 13.4.14)
                return true;
            default:
                // Other keywords (@context handled earlier; framing keywords unsupported) are ignored.
                return false;
        }
        // 13.4.16)
        if (expandedValue is not null || expandedProperty != Keywords.Value || inputType == Keywords.Json)
        {
            result[expandedProperty] = expandedValue;
        }
        return false;
    }

    private string? ExpandType(ActiveContext typeScopedContext, string type)
    {
        var iri = IriExpander.Expand(typeScopedContext, type, documentRelative: true, vocab: true);
        if (_safe && (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri) && iri != Keywords.Json)))
        {
            SafeMode.Event(true, SafeMode.RelativeTypeReference, $"@type '{type}' does not expand to an absolute IRI");
        }
        return iri;
    }

    /// <summary>Step 13.4.13: @reverse.</summary>
    private void ExpandReverse(ActiveContext active, object? value, Dictionary<string, object?> result, string? baseUrl)
    {
        if (value is not Dictionary<string, object?>)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidReverseValue, "@reverse must be a map");
        }
        var expanded = Expand(active, Keywords.Reverse, value, baseUrl) as Dictionary<string, object?>;
        if (expanded is null)
        {
            return;
        }
        // 13.4.13.3) Doubly reversed properties become normal properties.
        if (expanded.TryGetValue(Keywords.Reverse, out var doubled) && doubled is Dictionary<string, object?> doubledMap)
        {
            foreach (var (property, items) in doubledMap)
            {
                AddValue(result, property, items);
            }
        }
        // 13.4.13.4)
        Dictionary<string, object?>? reverseMap = null;
        foreach (var (property, items) in expanded)
        {
            if (property == Keywords.Reverse)
            {
                continue;
            }
            reverseMap ??= GetOrAddMap(result, Keywords.Reverse);
            foreach (var item in JsonModel.AsList(items))
            {
                if (IsValueObject(item) || IsListObject(item))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidReversePropertyValue, $"reverse property '{property}' cannot have values or lists");
                }
                AddValue(reverseMap, property, item);
            }
        }
    }

    /// <summary>Step 13.7.</summary>
    private List<object?> ExpandLanguageMap(ActiveContext active, TermDefinition def, Dictionary<string, object?> languageMap)
    {
        var expanded = new List<object?>();
        // 13.7.2-13.7.3)
        var direction = def.HasDirection ? def.Direction : active.DefaultDirection;
        foreach (var language in SortedKeys(languageMap))
        {
            var isNone = language == Keywords.None || IriExpander.Expand(active, language, false, true) == Keywords.None;
            foreach (var item in JsonModel.AsList(languageMap[language]))
            {
                if (item is null)
                {
                    continue;
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
        }
        return expanded;
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
        if (!map.TryGetValue(key, out var existing) || existing is not List<object?> list)
        {
            list = existing is null && !map.ContainsKey(key) ? new List<object?>() : new List<object?> { existing };
            map[key] = list;
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
