namespace VcService.LinkedData.JsonLd.Context;

/// <summary>Create Term Definition (JSON-LD 1.1 API §4.2.2, https://www.w3.org/TR/json-ld11-api/#create-term-definition).</summary>
internal static class TermDefinitionCreator
{
    private static readonly HashSet<string> AllowedEntries = new(StringComparer.Ordinal)
    {
        Keywords.Id, Keywords.Reverse, Keywords.Container, Keywords.Context, Keywords.Direction, Keywords.Index,
        Keywords.Language, Keywords.Nest, Keywords.Prefix, Keywords.Protected, Keywords.Type,
    };

    public static void Create(ActiveContext active, string term, TermScope scope)
    {
        var processor = scope.Processor;
        var json10 = processor.IsJsonLd10;
        // 1) Already defined, or being defined (cycle).
        if (scope.Defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }
            throw new JsonLdException(JsonLdErrorCode.CyclicIriMapping, $"term '{term}' is defined through itself");
        }
        // 2)
        if (term.Length == 0)
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "the empty string is not a valid term");
        }
        scope.Defined[term] = false;
        // 3)
        var value = scope.LocalContext[term];
        // 4) @type may only be redefined to set @container: @set / @protected (1.1).
        if (term == Keywords.Type)
        {
            if (json10)
            {
                throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, "@type cannot be redefined in json-ld-1.0");
            }
            if (value is not Dictionary<string, object?> typeMap || typeMap.Count == 0)
            {
                throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, "@type can only be given @container: @set and @protected");
            }
            foreach (var (k, v) in typeMap)
            {
                if (!((k == Keywords.Container && v is Keywords.Set) || (k == Keywords.Protected)))
                {
                    throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, "@type can only be given @container: @set and @protected");
                }
            }
        }
        else if (Keywords.IsKeyword(term))
        {
            throw new JsonLdException(JsonLdErrorCode.KeywordRedefinition, $"keyword '{term}' cannot be redefined");
        }
        // 5) Keyword-like terms are ignored.
        if (term != Keywords.Type && Keywords.HasKeywordForm(term))
        {
            SafeMode.Event(processor.SafeModeOn, SafeMode.ReservedTerm, $"term '{term}' has the form of a keyword");
            return;
        }
        // 6) Remember and remove any previous definition.
        active.Terms.Remove(term, out var previous);
        Dictionary<string, object?> map;
        var simpleTerm = false;
        // 7-9)
        switch (value)
        {
            case null:
                map = new Dictionary<string, object?>(StringComparer.Ordinal) { [Keywords.Id] = null };
                break;
            case string s:
                map = new Dictionary<string, object?>(StringComparer.Ordinal) { [Keywords.Id] = s };
                simpleTerm = true;
                break;
            case Dictionary<string, object?> m:
                map = m;
                break;
            default:
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, $"term '{term}' must map to null, a string or a map");
        }
        // 10)
        var definition = new TermDefinition { Protected = scope.Protected };
        // 11) @protected
        if (map.TryGetValue(Keywords.Protected, out var prot))
        {
            if (json10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@protected is not allowed in json-ld-1.0");
            }
            definition.Protected = prot as bool? ?? throw new JsonLdException(JsonLdErrorCode.InvalidProtectedValue,
                $"@protected of term '{term}' must be true or false");
        }
        // 12) @type
        if (map.TryGetValue(Keywords.Type, out var typeValue))
        {
            if (typeValue is not string type)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, $"@type of term '{term}' must be a string");
            }
            var expandedType = IriExpander.Expand(active, type, documentRelative: false, vocab: true, scope);
            if (json10 && (expandedType == Keywords.Json || expandedType == Keywords.None))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, $"@type '{expandedType}' of term '{term}' needs json-ld-1.1");
            }
            if (expandedType is not (Keywords.Id or Keywords.Vocab or Keywords.Json or Keywords.None)
                && (expandedType is null || !Iri.IsAbsolute(expandedType)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, $"@type of term '{term}' must be @id, @vocab, @json, @none or an absolute IRI");
            }
            definition.TypeMapping = expandedType;
        }
        // 13) @reverse
        if (map.TryGetValue(Keywords.Reverse, out var reverseValue))
        {
            if (map.ContainsKey(Keywords.Id) || map.ContainsKey(Keywords.Nest))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidReverseProperty, $"term '{term}' has @reverse with @id or @nest");
            }
            if (reverseValue is not string reverse)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, $"@reverse of term '{term}' must be a string");
            }
            if (Keywords.HasKeywordForm(reverse))
            {
                SafeMode.Event(processor.SafeModeOn, SafeMode.ReservedReverseValue, $"@reverse '{reverse}' of term '{term}' has the form of a keyword");
                return;
            }
            var reverseIri = IriExpander.Expand(active, reverse, documentRelative: false, vocab: true, scope);
            if (reverseIri is null || (!Iri.IsAbsolute(reverseIri) && !Iri.IsBlankNode(reverseIri)))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, $"@reverse of term '{term}' must expand to an IRI or blank node");
            }
            definition.IriMapping = reverseIri;
            if (map.TryGetValue(Keywords.Container, out var rc))
            {
                definition.Container = rc switch
                {
                    null => ContainerKind.None,
                    Keywords.Set => ContainerKind.Set,
                    Keywords.Index => ContainerKind.Index,
                    _ => throw new JsonLdException(JsonLdErrorCode.InvalidReverseProperty, $"reverse term '{term}' can only have @container @set or @index"),
                };
            }
            definition.Reverse = true;
            // Deviation: as jsonld.js (and W3C test #t0131), @index of a reverse term is honoured.
            if (map.TryGetValue(Keywords.Index, out var reverseIndex))
            {
                if (reverseIndex is not string ri || !definition.Has(ContainerKind.Index))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, $"@index of term '{term}' needs an @index container");
                }
                definition.Index = ri;
            }
            Finish(active, term, scope, definition, previous);
            return;
        }
        // 14-15) @id
        if (map.TryGetValue(Keywords.Id, out var idValue) && !(idValue is string same && same == term))
        {
            if (idValue is null)
            {
                // 15.1) Explicitly not mapped.
            }
            else
            {
                if (idValue is not string id)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, $"@id of term '{term}' must be a string");
                }
                if (!Keywords.IsKeyword(id) && Keywords.HasKeywordForm(id))
                {
                    SafeMode.Event(processor.SafeModeOn, SafeMode.ReservedIdValue, $"@id '{id}' of term '{term}' has the form of a keyword");
                    return;
                }
                var iri = IriExpander.Expand(active, id, documentRelative: false, vocab: true, scope);
                if (iri is null || !(Keywords.IsKeyword(iri) || Iri.IsAbsolute(iri) || Iri.IsBlankNode(iri)))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, $"@id of term '{term}' must expand to a keyword, an IRI or a blank node");
                }
                if (iri == Keywords.Context)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidKeywordAlias, "@context cannot be aliased");
                }
                definition.IriMapping = iri;
                // 15.2.4) A term that looks like an IRI must expand to itself.
                var innerColon = term.Length > 2 ? term.IndexOf(':', 1, term.Length - 2) : -1;
                if (innerColon > 0 || term.Contains('/'))
                {
                    scope.Defined[term] = true;
                    var self = IriExpander.Expand(active, term, documentRelative: false, vocab: true, scope);
                    if (self != iri)
                    {
                        throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, $"term '{term}' looks like an IRI but maps to '{iri}'");
                    }
                }
                // 15.2.5) Simple terms ending in a gen-delim can be prefixes.
                if (!term.Contains(':') && !term.Contains('/') && simpleTerm
                    && (Iri.IsBlankNode(iri) || (iri.Length > 0 && ":/?#[]@".Contains(iri[^1]))))
                {
                    definition.Prefix = true;
                }
            }
        }
        else if (term.IndexOf(':', 1) > 0)
        {
            // 16) Compact IRI, IRI or blank node term.
            var colon = term.IndexOf(':', 1);
            var prefix = term.Substring(0, colon);
            if (scope.LocalContext.ContainsKey(prefix))
            {
                Create(active, prefix, scope);
            }
            var prefixDef = active.Get(prefix);
            definition.IriMapping = prefixDef?.IriMapping is { } p ? string.Concat(p, term.AsSpan(colon + 1)) : term;
        }
        else if (term.Contains('/'))
        {
            // 17) A relative IRI term.
            var iri = IriExpander.Expand(active, term, documentRelative: false, vocab: true);
            if (iri is null || !Iri.IsAbsolute(iri))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, $"term '{term}' must expand to an IRI");
            }
            definition.IriMapping = iri;
        }
        else if (term == Keywords.Type)
        {
            // 18)
            definition.IriMapping = Keywords.Type;
        }
        else if (active.Vocab is null)
        {
            // 19)
            throw new JsonLdException(JsonLdErrorCode.InvalidIriMapping, $"term '{term}' has no @id and there is no @vocab");
        }
        else
        {
            definition.IriMapping = active.Vocab + term;
        }
        // 20) @container
        if (map.TryGetValue(Keywords.Container, out var containerValue))
        {
            definition.Container = ParseContainer(containerValue, term, json10);
            if (definition.Has(ContainerKind.Type))
            {
                definition.TypeMapping ??= Keywords.Id;
                if (definition.TypeMapping is not (Keywords.Id or Keywords.Vocab))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidTypeMapping, $"type map term '{term}' needs @type @id or @vocab");
                }
            }
        }
        // 21) @index
        if (map.TryGetValue(Keywords.Index, out var indexValue))
        {
            if (json10 || !definition.Has(ContainerKind.Index))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, $"@index of term '{term}' needs an @index container");
            }
            if (indexValue is not string index || Keywords.IsKeyword(index)
                || IriExpander.Expand(active, index, false, true, scope) is not { } indexIri || !Iri.IsAbsolute(indexIri))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, $"@index of term '{term}' must be a string expanding to an IRI");
            }
            definition.Index = index;
        }
        // 22) @context (scoped context)
        if (map.TryGetValue(Keywords.Context, out var scoped))
        {
            if (json10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "scoped contexts need json-ld-1.1");
            }
            try
            {
                // 22.3) Validate by processing (not stored: it is applied again during expansion).
                processor.Process(active, scoped, scope.BaseUrl, new List<string>(scope.RemoteContexts), true, true, false, scope.Depth + 1);
            }
            catch (JsonLdException e) when (e.Code != JsonLdErrorCode.ContextOverflow && e.Code != JsonLdErrorCode.SafeModeValidationError)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidScopedContext, $"scoped context of term '{term}': {e.Message}", e);
            }
            definition.HasLocalContext = true;
            definition.LocalContext = scoped;
            definition.BaseUrl = scope.BaseUrl;
        }
        // 23) @language
        if (map.TryGetValue(Keywords.Language, out var languageValue) && !map.ContainsKey(Keywords.Type))
        {
            if (languageValue is not (null or string))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidLanguageMapping, $"@language of term '{term}' must be null or a string");
            }
            var lang = (string?)languageValue;
            if (lang is not null && !SafeMode.IsWellFormedLanguage(lang))
            {
                SafeMode.Event(processor.SafeModeOn, SafeMode.InvalidLanguageValue, $"@language '{lang}' of term '{term}' is not well-formed");
            }
            definition.HasLanguage = true;
            definition.Language = lang?.ToLowerInvariant();
        }
        // 24) @direction
        if (map.TryGetValue(Keywords.Direction, out var directionValue) && !map.ContainsKey(Keywords.Type))
        {
            definition.HasDirection = true;
            definition.Direction = directionValue switch
            {
                null => null,
                "ltr" => "ltr",
                "rtl" => "rtl",
                _ => throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, $"@direction of term '{term}' must be null, ltr or rtl"),
            };
        }
        // 25) @nest
        if (map.TryGetValue(Keywords.Nest, out var nestValue))
        {
            if (json10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, "@nest needs json-ld-1.1");
            }
            if (nestValue is not string nest || (Keywords.IsKeyword(nest) && nest != Keywords.Nest))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidNestValue, $"@nest of term '{term}' must be a term or @nest");
            }
            definition.Nest = nest;
        }
        // 26) @prefix
        if (map.TryGetValue(Keywords.Prefix, out var prefixValue))
        {
            if (json10 || term.Contains(':') || term.Contains('/'))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, $"@prefix not allowed on term '{term}'");
            }
            definition.Prefix = prefixValue as bool? ?? throw new JsonLdException(JsonLdErrorCode.InvalidPrefixValue, $"@prefix of term '{term}' must be true or false");
            if (definition.Prefix && definition.IriMapping is not null && Keywords.IsKeyword(definition.IriMapping))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, $"keyword alias '{term}' cannot be a prefix");
            }
        }
        // 27) No other entries.
        foreach (var key in map.Keys)
        {
            if (!AllowedEntries.Contains(key))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidTermDefinition, $"term '{term}' has unknown entry '{key}'");
            }
        }
        Finish(active, term, scope, definition, previous);
    }

    private static void Finish(ActiveContext active, string term, TermScope scope, TermDefinition definition, TermDefinition? previous)
    {
        // 28) Protected terms cannot change (unless overriding, for property-scoped contexts).
        if (!scope.OverrideProtected && previous is { Protected: true })
        {
            if (!definition.SameExceptProtected(previous))
            {
                throw new JsonLdException(JsonLdErrorCode.ProtectedTermRedefinition, $"protected term '{term}' cannot be redefined");
            }
            definition = previous;
        }
        // 29)
        active.Terms[term] = definition;
        scope.Defined[term] = true;
    }

    private static ContainerKind ParseContainer(object? value, string term, bool json10)
    {
        var invalid = new JsonLdException(JsonLdErrorCode.InvalidContainerMapping, $"@container of term '{term}' is not a valid container mapping");
        if (json10 && value is not string)
        {
            throw invalid;
        }
        var items = JsonModel.AsList(value);
        var kind = ContainerKind.None;
        foreach (var item in items)
        {
            var k = item switch
            {
                Keywords.List => ContainerKind.List,
                Keywords.Set => ContainerKind.Set,
                Keywords.Index => ContainerKind.Index,
                Keywords.Id => ContainerKind.Id,
                Keywords.Type => ContainerKind.Type,
                Keywords.Graph => ContainerKind.Graph,
                Keywords.Language => ContainerKind.Language,
                _ => throw invalid,
            };
            if (json10 && k is ContainerKind.Graph or ContainerKind.Id or ContainerKind.Type)
            {
                throw invalid;
            }
            kind |= k;
        }
        var n = System.Numerics.BitOperations.PopCount((uint)kind);
        if (n == 0 || n != items.Count)
        {
            throw invalid;
        }
        if (n == 1)
        {
            return kind;
        }
        // @graph with @id or @index, optionally @set.
        if ((kind & ContainerKind.Graph) != 0 && ((kind & ContainerKind.Id) != 0 ^ (kind & ContainerKind.Index) != 0))
        {
            var rest = kind & ~(ContainerKind.Graph | ContainerKind.Id | ContainerKind.Index);
            if (rest is ContainerKind.None or ContainerKind.Set)
            {
                return kind;
            }
            throw invalid;
        }
        // @set with one of @index, @graph, @id, @type, @language.
        if ((kind & ContainerKind.Set) != 0 && (kind & ContainerKind.List) == 0 && n == 2)
        {
            return kind;
        }
        throw invalid;
    }
}
