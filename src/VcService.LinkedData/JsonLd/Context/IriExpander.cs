namespace VcService.LinkedData.JsonLd.Context;

/// <summary>IRI Expansion (JSON-LD 1.1 API §4.4, https://www.w3.org/TR/json-ld11-api/#iri-expansion).</summary>
internal static class IriExpander
{
    /// <summary>Expands <paramref name="value"/>; <paramref name="scope"/> is set while a local context is being processed.</summary>
    public static string? Expand(ActiveContext active, string? value, bool documentRelative, bool vocab, TermScope? scope = null)
    {
        // 1) null or a keyword: return as is.
        if (value is null || Keywords.IsKeyword(value))
        {
            return value;
        }
        if (vocab && !documentRelative && scope is null)
        {
            var cache = active.VocabIriCache;
            if (cache.TryGetValue(value, out var cached))
            {
                return cached;
            }
            var result = ExpandCore(active, value, false, true, null);
            if (cache.Count < ContextCache.MaxEntries)
            {
                cache[value] = result;
            }
            return result;
        }
        return ExpandCore(active, value, documentRelative, vocab, scope);
    }

    private static string? ExpandCore(ActiveContext active, string value, bool documentRelative, bool vocab, TermScope? scope)
    {
        // 2) Keyword-like values are ignored (warning).
        if (Keywords.HasKeywordForm(value))
        {
            return null;
        }
        // 3) Define the term first if the local context being processed defines it.
        if (scope is not null && scope.LocalContext.ContainsKey(value)
            && (!scope.Defined.TryGetValue(value, out var done) || !done))
        {
            TermDefinitionCreator.Create(active, value, scope);
        }
        var def = active.Get(value);
        // 4) A term mapped to a keyword.
        if (def?.IriMapping is { } mapped && Keywords.IsKeyword(mapped))
        {
            return mapped;
        }
        // 5) vocab: the term's IRI mapping (which may be null: explicitly unmapped).
        if (vocab && def is not null)
        {
            return def.IriMapping;
        }
        // 6) A colon after the first character: IRI, compact IRI or blank node identifier.
        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            // 6.1-6.2)
            var prefix = value.AsSpan(0, colon);
            if (prefix is "_" || (value.Length > colon + 2 && value[colon + 1] == '/' && value[colon + 2] == '/'))
            {
                return value;
            }
            // 6.3)
            if (scope is not null)
            {
                var prefixTerm = prefix.ToString();
                if (scope.LocalContext.ContainsKey(prefixTerm) && (!scope.Defined.TryGetValue(prefixTerm, out var pdone) || !pdone))
                {
                    TermDefinitionCreator.Create(active, prefixTerm, scope);
                }
            }
            // 6.4) (looked up by span: no prefix string per compact IRI)
            var prefixDef = active.Get(prefix);
            if (prefixDef is { IriMapping: not null, Prefix: true })
            {
                return string.Concat(prefixDef.IriMapping, value.AsSpan(colon + 1));
            }
            // 6.5)
            if (Iri.IsAbsolute(value))
            {
                return value;
            }
        }
        // 7) Vocabulary mapping.
        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }
        // 8) Document-relative: resolve against the base IRI.
        if (documentRelative)
        {
            return Iri.Resolve(active.BaseIri, value);
        }
        // 9)
        return value;
    }
}
