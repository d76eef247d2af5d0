using VcService.LinkedData.JsonLd.Context;

namespace VcService.LinkedData.JsonLd.Expansion;

/// <summary>Expansion §5.1.2 step 13.4: keyword entries.</summary>
internal sealed partial class JsonLdExpander
{
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
}
