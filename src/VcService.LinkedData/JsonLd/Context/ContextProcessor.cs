using VcService.LinkedData.JsonLd.Loading;

namespace VcService.LinkedData.JsonLd.Context;

/// <summary>
/// Context Processing (JSON-LD 1.1 API §4.1.2, https://www.w3.org/TR/json-ld11-api/#context-processing-algorithm),
/// with a process-wide cache of results (<see cref="ContextCache"/>).
/// </summary>
internal sealed class ContextProcessor
{
    private readonly ContextCache _cache;
    private readonly HashSet<string> _distinctRemoteUrls = new(StringComparer.Ordinal);

    public ContextProcessor(JsonLdOptions options)
    {
        Options = options;
        _cache = ContextCache.For(options.DocumentLoader);
    }

    public JsonLdOptions Options { get; }

    public bool SafeModeOn => Options.SafeMode;

    public bool IsJsonLd10 => Options.IsJsonLd10;

    /// <summary>A fresh (shared, empty) active context with the given base IRI.</summary>
    public ActiveContext Initial(string? baseIri)
    {
        var key = baseIri ?? "";
        if (_cache.InitialContexts.TryGetValue(key, out var ctx))
        {
            return ctx;
        }
        ContextCache.Bound(_cache.InitialContexts);
        return _cache.InitialContexts.GetOrAdd(key, _ => new ActiveContext(baseIri, baseIri));
    }

    /// <summary>Entry point used by expansion (empty remote-contexts list): results are cached.</summary>
    public ActiveContext Process(ActiveContext active, object? localContext, string? baseUrl, bool overrideProtected = false,
        bool propagate = true, TermDefinition? scopedFrom = null)
    {
        // Scoped contexts are keyed by their (immutable, shared) term definition: no hashing of large contexts.
        var key = new ContextCache.ResultKey(active.Id, (object?)scopedFrom ?? ContextKey(localContext), baseUrl,
            overrideProtected, propagate, Options.SafeMode, Options.IsJsonLd10);
        if (_cache.Results.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var result = Process(active, localContext, baseUrl, new List<string>(), overrideProtected, propagate, true, 0);
        ContextCache.Bound(_cache.Results);
        _cache.Results[key] = result;
        return result;
    }

    private static readonly object NullContextKey = new();

    private static object ContextKey(object? localContext) => localContext switch
    {
        null => NullContextKey,
        string url => url,
        List<object?> { Count: 1 } l when l[0] is string single => single,
        _ => JsonModel.Key(localContext),
    };

    /// <summary>The algorithm itself (§4.1.2 steps).</summary>
    internal ActiveContext Process(ActiveContext active, object? localContext, string? baseUrl, List<string> remoteContexts,
        bool overrideProtected, bool propagate, bool validateScopedContext, int depth)
    {
        if (depth > Options.Limits.MaxContextDepth)
        {
            throw new JsonLdException(JsonLdErrorCode.ContextOverflow,
                $"context processing nested deeper than the MaxContextDepth limit ({Options.Limits.MaxContextDepth})");
        }
        // 1) result is a copy of active context.
        var result = active.Clone();
        // 2) @propagate of a map local context.
        if (localContext is Dictionary<string, object?> lc && lc.TryGetValue(Keywords.Propagate, out var prop))
        {
            if (prop is not bool p)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidPropagateValue, "@propagate must be true or false");
            }
            propagate = p;
        }
        // 3) Non-propagated contexts remember the previous context.
        if (!propagate && result.PreviousContext is null)
        {
            result.PreviousContext = active;
        }
        // 4-5) Each context of the array.
        var contexts = localContext as List<object?>;
        var count = contexts?.Count ?? 1;
        for (var i = 0; i < count; i++)
        {
            var context = contexts is null ? localContext : contexts[i];
            // 5.1) null resets the context.
            if (context is null)
            {
                if (!overrideProtected && result.HasProtectedTerms)
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidContextNullification,
                        "cannot nullify a context that has protected terms");
                }
                var previous = result;
                result = new ActiveContext(active.OriginalBaseUrl, active.OriginalBaseUrl);
                if (!propagate)
                {
                    result.PreviousContext = previous;
                }
                continue;
            }
            // 5.2) A remote context reference.
            if (context is string reference)
            {
                result = ProcessRemote(result, reference, baseUrl, remoteContexts, validateScopedContext, depth);
                continue;
            }
            // 5.3)
            if (context is not Dictionary<string, object?> map)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidLocalContext, "a context must be null, a string or a map");
            }
            ProcessMap(result, map, baseUrl, remoteContexts, overrideProtected, depth);
        }
        // 6)
        return result;
    }

    private ActiveContext ProcessRemote(ActiveContext result, string reference, string? baseUrl, List<string> remoteContexts,
        bool validateScopedContext, int depth)
    {
        // 5.2.1) Resolve against the base URL.
        var url = Iri.Resolve(baseUrl, reference);
        if (!Iri.IsAbsolute(url))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, $"context reference '{reference}' is not an absolute IRI");
        }
        // 5.2.2) Already-included scoped contexts are skipped.
        if (!validateScopedContext && remoteContexts.Contains(url))
        {
            return result;
        }
        // 5.2.3) Bound the number of remote contexts.
        // Deviation: the spec leaves the limit open; both the nesting chain and the distinct URLs per document count.
        _distinctRemoteUrls.Add(url);
        if (remoteContexts.Count >= Options.Limits.MaxRemoteContexts || _distinctRemoteUrls.Count > Options.Limits.MaxRemoteContexts)
        {
            throw new JsonLdException(JsonLdErrorCode.ContextOverflow,
                $"more than the MaxRemoteContexts limit ({Options.Limits.MaxRemoteContexts}) of remote contexts while loading '{url}'");
        }
        remoteContexts.Add(url);
        // 5.2.4-5.2.5) Dereference (cached per process).
        var loaded = Load(url);
        // 5.2.6) Recurse with the context document's URL as base URL.
        return Process(result, loaded.Context, loaded.DocumentUrl, remoteContexts, false, true, validateScopedContext, depth + 1);
    }

    private ContextCache.LoadedContext Load(string url)
    {
        if (_cache.Documents.TryGetValue(url, out var loaded))
        {
            return loaded;
        }
        RemoteDocument doc;
        try
        {
            doc = Options.DocumentLoader.Load(url);
        }
        catch (JsonLdException e) when (e.Code == JsonLdErrorCode.LoadingRemoteContextFailed)
        {
            throw;
        }
        catch (JsonLdException e)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, $"loading '{url}' failed: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, $"loading '{url}' failed: {e.Message}", e);
        }
        var document = JsonModel.FromNode(doc.Document, Options.Limits.MaxDepth);
        if (document is not Dictionary<string, object?> map || !map.TryGetValue(Keywords.Context, out var context))
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidRemoteContext, $"'{url}' is not a map with an @context entry");
        }
        loaded = new ContextCache.LoadedContext(context, doc.DocumentUrl);
        ContextCache.Bound(_cache.Documents);
        _cache.Documents[url] = loaded;
        return loaded;
    }

    private void ProcessMap(ActiveContext result, Dictionary<string, object?> context, string? baseUrl, List<string> remoteContexts,
        bool overrideProtected, int depth)
    {
        // 5.5) @version
        if (context.TryGetValue(Keywords.Version, out var version))
        {
            if (version is not double v || v != 1.1)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidVersionValue, "@version must be 1.1");
            }
            if (IsJsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.ProcessingModeConflict, "@version 1.1 in json-ld-1.0 processing mode");
            }
        }
        // 5.6) @import
        if (context.TryGetValue(Keywords.Import, out var import))
        {
            if (IsJsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@import is not allowed in json-ld-1.0");
            }
            if (import is not string importRef)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidImportValue, "@import must be a string");
            }
            var importUrl = Iri.Resolve(baseUrl, importRef);
            var loaded = Load(importUrl);
            if (loaded.Context is not Dictionary<string, object?> importContext)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidRemoteContext, $"@import '{importUrl}' must hold a map @context");
            }
            if (importContext.ContainsKey(Keywords.Import))
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, $"imported context '{importUrl}' must not contain @import");
            }
            // 5.6.8) Merge: entries of context override those of the imported context.
            var merged = new Dictionary<string, object?>(importContext, StringComparer.Ordinal);
            foreach (var (k, val) in context)
            {
                merged[k] = val;
            }
            context = merged;
        }
        // 5.7) @base (only for contexts not loaded remotely).
        if (context.TryGetValue(Keywords.Base, out var baseValue) && remoteContexts.Count == 0)
        {
            if (baseValue is null)
            {
                result.BaseIri = null;
            }
            else if (baseValue is string b && Iri.IsAbsolute(b))
            {
                result.BaseIri = b;
            }
            else if (baseValue is string rel && result.BaseIri is not null)
            {
                result.BaseIri = Iri.Resolve(result.BaseIri, rel);
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidBaseIri, "@base must be null or an IRI (relative only with a base)");
            }
        }
        // 5.8) @vocab
        if (context.TryGetValue(Keywords.Vocab, out var vocab))
        {
            if (vocab is null)
            {
                result.Vocab = null;
            }
            else if (vocab is string vs)
            {
                if (IsJsonLd10 && !Iri.IsAbsolute(vs) && !Iri.IsBlankNode(vs))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidVocabMapping, "@vocab must be an absolute IRI in json-ld-1.0");
                }
                var expanded = IriExpander.Expand(result, vs, documentRelative: true, vocab: true);
                if (expanded is null || (!Iri.IsAbsolute(expanded) && !Iri.IsBlankNode(expanded)))
                {
                    SafeMode.Event(SafeModeOn, SafeMode.RelativeVocabReference, $"@vocab '{vs}' is not an absolute IRI");
                }
                result.Vocab = expanded;
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidVocabMapping, "@vocab must be null or a string");
            }
        }
        // 5.9) @language
        if (context.TryGetValue(Keywords.Language, out var language))
        {
            if (language is null)
            {
                result.DefaultLanguage = null;
            }
            else if (language is string ls)
            {
                if (!SafeMode.IsWellFormedLanguage(ls))
                {
                    SafeMode.Event(SafeModeOn, SafeMode.InvalidLanguageValue, $"@language '{ls}' is not a well-formed language tag");
                }
                result.DefaultLanguage = ls.ToLowerInvariant();
            }
            else
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidDefaultLanguage, "@language must be null or a string");
            }
        }
        // 5.10) @direction
        if (context.TryGetValue(Keywords.Direction, out var direction))
        {
            if (IsJsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@direction is not allowed in json-ld-1.0");
            }
            result.DefaultDirection = direction switch
            {
                null => null,
                "ltr" => "ltr",
                "rtl" => "rtl",
                _ => throw new JsonLdException(JsonLdErrorCode.InvalidBaseDirection, "@direction must be null, \"ltr\" or \"rtl\""),
            };
        }
        // 5.11) @propagate
        if (context.TryGetValue(Keywords.Propagate, out var propagate))
        {
            if (IsJsonLd10)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidContextEntry, "@propagate is not allowed in json-ld-1.0");
            }
            if (propagate is not bool)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidPropagateValue, "@propagate must be true or false");
            }
        }
        var isProtected = false;
        if (context.TryGetValue(Keywords.Protected, out var prot))
        {
            if (prot is not bool pb)
            {
                throw new JsonLdException(JsonLdErrorCode.InvalidProtectedValue, "@protected must be true or false");
            }
            isProtected = pb;
        }
        // 5.12-5.13) Create a term definition for every other entry.
        var scope = new TermScope(this, context, baseUrl, isProtected, overrideProtected, remoteContexts, depth);
        foreach (var key in context.Keys)
        {
            switch (key)
            {
                case Keywords.Base:
                case Keywords.Direction:
                case Keywords.Import:
                case Keywords.Language:
                case Keywords.Propagate:
                case Keywords.Protected:
                case Keywords.Version:
                case Keywords.Vocab:
                    continue;
                default:
                    TermDefinitionCreator.Create(result, key, scope);
                    break;
            }
        }
    }
}
