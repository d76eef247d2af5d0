using VcService.LinkedData.JsonLd.Context;

namespace VcService.LinkedData.JsonLd.Expansion;

/// <summary>
/// Expansion Algorithm (JSON-LD 1.1 API §5.1.2, https://www.w3.org/TR/json-ld11-api/#expansion-algorithm).
/// Works on the <see cref="JsonModel"/>; frame expansion is not implemented (only used by framing).
/// </summary>
internal sealed partial class JsonLdExpander
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

    /// <summary>Maps expanded so far (an upper bound of the node objects in the result).</summary>
    public int ExpandedMaps { get; private set; }

    public object? Expand(ActiveContext active, string? activeProperty, object? element, string? baseUrl, bool fromMap = false) =>
        Expand(active, activeProperty, activeProperty is null ? null : active.Get(activeProperty), element, baseUrl, fromMap);

    /// <summary>As above with the active property's term definition in <paramref name="active"/> already looked up.</summary>
    private object? Expand(ActiveContext active, string? activeProperty, TermDefinition? activeDef, object? element, string? baseUrl, bool fromMap = false)
    {
        // 1)
        if (element is null)
        {
            return null;
        }
        // 3) Property-scoped context (activeDef).
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
                return ValueExpander.Expand(active, activeProperty, element, _safe);
            }
            return ValueExpander.Expand(active, activeDef, activeProperty, element, _safe);
        }
        // 5) Arrays.
        if (element is List<object?> array)
        {
            var result = new List<object?>(array.Count);
            var isList = activeDef is not null && activeDef.Has(ContainerKind.List);
            foreach (var item in array)
            {
                var expanded = Expand(active, activeProperty, activeDef, item, baseUrl, fromMap);
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
        ExpandedMaps++;
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
        // 11)
        active = ApplyTypeScopedContexts(_contexts, active, element_, out var typeKey);
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

    /// <summary>
    /// Step 11: the type-scoped contexts of <paramref name="element"/>'s type entries (keys expanding to @type, in
    /// lexicographic order; each key's string values in lexicographic order), looked up in the context before any
    /// of them applies. <paramref name="typeKey"/> is the first type key (step 12 reads its value).
    /// </summary>
    internal static ActiveContext ApplyTypeScopedContexts(ContextProcessor contexts, ActiveContext active,
        Dictionary<string, object?> element, out string? typeKey)
    {
        var typeScopedContext = active;
        typeKey = null;
        // Usually one key: no list for it.
        List<string>? typeKeys = null;
        foreach (var key in element.Keys)
        {
            if (active.ExpandsTo(key, Keywords.Type))
            {
                if (typeKey is null)
                {
                    typeKey = key;
                }
                else
                {
                    (typeKeys ??= new List<string> { typeKey }).Add(key);
                }
            }
        }
        if (typeKeys is not null)
        {
            typeKeys.Sort(StringComparer.Ordinal);
            typeKey = typeKeys[0];
            foreach (var key in typeKeys)
            {
                active = ApplyTypeScoped(contexts, active, typeScopedContext, element[key]);
            }
        }
        else if (typeKey is not null)
        {
            active = ApplyTypeScoped(contexts, active, typeScopedContext, element[typeKey]);
        }
        return active;
    }

    /// <summary>Step 11.2 for the value of one type key: its string values in lexicographic order.</summary>
    private static ActiveContext ApplyTypeScoped(ContextProcessor contexts, ActiveContext active, ActiveContext typeScopedContext, object? values)
    {
        if (values is string single)
        {
            return ApplyTypeScoped(contexts, active, typeScopedContext, single);
        }
        if (values is not List<object?> list)
        {
            return active;
        }
        if (list.Count == 1)
        {
            return list[0] is string only ? ApplyTypeScoped(contexts, active, typeScopedContext, only) : active;
        }
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
            active = ApplyTypeScoped(contexts, active, typeScopedContext, term);
        }
        return active;
    }

    private static ActiveContext ApplyTypeScoped(ContextProcessor contexts, ActiveContext active, ActiveContext typeScopedContext, string term)
    {
        var def = typeScopedContext.Get(term);
        if (def is { HasLocalContext: true })
        {
            return contexts.Process(active, def.LocalContext, def.BaseUrl, propagate: false, scopedFrom: def);
        }
        return active;
    }

    /// <summary>Step 7's exception: a value object or a map with only an @id keeps a non-propagated context.</summary>
    internal static bool KeepsNonPropagated(ActiveContext active, Dictionary<string, object?> element)
    {
        var onlyId = element.Count == 1;
        foreach (var key in element.Keys)
        {
            if (active.ExpandsTo(key, Keywords.Value) || (onlyId && active.ExpandsTo(key, Keywords.Id)))
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
            var keyInfo = active.Key(key);
            var expandedProperty = keyInfo.Iri;
            if (!keyInfo.Kept || expandedProperty is null)
            {
                SafeMode.Event(_safe, SafeMode.InvalidProperty, $"property '{key}' does not expand to an absolute IRI and is dropped");
                continue;
            }
            // 13.4) Keywords.
            if (keyInfo.IsKeyword)
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
            var def = keyInfo.Definition;
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
                expandedValue = Expand(active, key, def, value, baseUrl);
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
                    if (active.Key(nk).Iri == Keywords.Value)
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
}
