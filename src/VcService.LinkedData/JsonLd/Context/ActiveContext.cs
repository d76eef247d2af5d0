using System.Collections.Concurrent;
using System.Threading;

namespace VcService.LinkedData.JsonLd.Context;

/// <summary>
/// The active context (JSON-LD 1.1 API §4.1). Never mutated once returned by <see cref="ContextProcessor"/>, so
/// instances are shared across documents and threads through <see cref="ContextCache"/>.
/// </summary>
internal sealed class ActiveContext
{
    private static long s_nextId;

    private ConcurrentDictionary<string, string?>? _vocabIriCache;
    private ConcurrentDictionary<string, KeyInfo>? _keys;
    private int _keyCount;
    private KeywordAliases? _aliases;
    private bool? _hasProtected;

    public ActiveContext(string? baseIri, string? originalBaseUrl)
    {
        BaseIri = baseIri;
        OriginalBaseUrl = originalBaseUrl;
        Terms = new Dictionary<string, TermDefinition>(StringComparer.Ordinal);
    }

    private ActiveContext(ActiveContext other)
    {
        BaseIri = other.BaseIri;
        OriginalBaseUrl = other.OriginalBaseUrl;
        Terms = new Dictionary<string, TermDefinition>(other.Terms, StringComparer.Ordinal);
        Vocab = other.Vocab;
        DefaultLanguage = other.DefaultLanguage;
        DefaultDirection = other.DefaultDirection;
        PreviousContext = other.PreviousContext;
    }

    /// <summary>Identity used in cache keys.</summary>
    public long Id { get; } = Interlocked.Increment(ref s_nextId);

    public Dictionary<string, TermDefinition> Terms { get; }
    public string? BaseIri { get; set; }
    public string? OriginalBaseUrl { get; }
    public string? Vocab { get; set; }
    public string? DefaultLanguage { get; set; }
    public string? DefaultDirection { get; set; }
    public ActiveContext? PreviousContext { get; set; }

    public ActiveContext Clone() => new(this);

    public TermDefinition? Get(string term) => Terms.TryGetValue(term, out var def) ? def : null;

    public TermDefinition? Get(ReadOnlySpan<char> term) =>
        Terms.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(term, out var def) ? def : null;

    public bool HasProtectedTerms
    {
        get
        {
            if (_hasProtected is { } known)
            {
                return known;
            }
            var any = false;
            foreach (var def in Terms.Values)
            {
                if (def.Protected)
                {
                    any = true;
                    break;
                }
            }
            _hasProtected = any;
            return any;
        }
    }

    /// <summary>
    /// What expansion needs to know about a map key under this context (its IRI expansion with vocab, whether that
    /// is a keyword, its term definition), looked up once per key and context instead of once per use.
    /// </summary>
    public KeyInfo Key(string key)
    {
        var keys = _keys ?? Interlocked.CompareExchange(ref _keys, new ConcurrentDictionary<string, KeyInfo>(StringComparer.Ordinal), null) ?? _keys;
        if (keys.TryGetValue(key, out var info))
        {
            return info;
        }
        info = new KeyInfo(IriExpander.Expand(this, key, false, true), Get(key));
        // Bounded like the other caches (keys of hostile documents are not kept past the bound).
        if (Interlocked.Increment(ref _keyCount) <= ContextCache.MaxEntries)
        {
            keys.TryAdd(key, info);
        }
        return info;
    }

    /// <summary>
    /// True when <paramref name="key"/> expands (IRI Expansion with vocab) to the keyword <paramref name="keyword"/>
    /// (@type, @id or @value). Expansion asks this for every key of every map (steps 7 and 11); when the context
    /// is ordinary (see <see cref="KeywordAliases"/>) it is answered from the few aliases, without a lookup.
    /// </summary>
    public bool ExpandsTo(string key, string keyword)
    {
        var aliases = _aliases ??= KeywordAliases.Of(this);
        if (!aliases.Exact)
        {
            return Key(key).Iri == keyword;
        }
        if (key == keyword)
        {
            return true;
        }
        foreach (var (alias, target) in aliases.Aliases)
        {
            if (target == keyword && alias == key)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Memo of vocab-relative IRI expansions (no local context); safe because the context is immutable.</summary>
    public ConcurrentDictionary<string, string?> VocabIriCache =>
        _vocabIriCache ?? Interlocked.CompareExchange(ref _vocabIriCache, new ConcurrentDictionary<string, string?>(StringComparer.Ordinal), null) ?? _vocabIriCache;
}

/// <summary>A map key as expansion sees it under one active context (see <see cref="ActiveContext.Key"/>).</summary>
internal sealed class KeyInfo(string? iri, TermDefinition? definition)
{
    /// <summary>IRI Expansion of the key with vocab true (§5.1.2 step 13.2); null when it expands to nothing.</summary>
    public string? Iri { get; } = iri;

    /// <summary>The key's term definition in the context (§5.1.2 step 13.5), if any.</summary>
    public TermDefinition? Definition { get; } = definition;

    public bool IsKeyword { get; } = Keywords.IsKeyword(iri);

    /// <summary>Step 13.3: the key is kept only when it expands to an IRI (contains a colon) or a keyword.</summary>
    public bool Kept { get; } = iri is not null && (Keywords.IsKeyword(iri) || iri.Contains(':'));

    /// <summary>The key expands to a well-formed absolute IRI: a predicate toRdf keeps (§6.4 step 1.3.2.4).</summary>
    public bool IsPredicate { get; } = iri is not null && VcService.LinkedData.JsonLd.Iri.IsWellFormedAbsolute(iri);
}

/// <summary>
/// The terms of a context that alias @type, @id or @value. <see cref="Exact"/> says that a key expands to one of
/// these keywords only as the keyword itself or as one of these terms: true unless the vocabulary mapping or some
/// term's IRI mapping starts with '@' without being a keyword, or a keyword alias is a prefix (then concatenation
/// could form a keyword, and callers fall back to full IRI expansion).
/// </summary>
internal sealed class KeywordAliases
{
    private KeywordAliases(bool exact, (string Alias, string Keyword)[] aliases)
    {
        Exact = exact;
        Aliases = aliases;
    }

    public bool Exact { get; }

    public (string Alias, string Keyword)[] Aliases { get; }

    public static KeywordAliases Of(ActiveContext context)
    {
        var exact = context.Vocab is not { Length: > 0 } vocab || vocab[0] != '@';
        var aliases = new List<(string, string)>();
        foreach (var (term, def) in context.Terms)
        {
            if (def.IriMapping is not { Length: > 0 } mapping || mapping[0] != '@')
            {
                continue;
            }
            if (!Keywords.IsKeyword(mapping) || def.Prefix)
            {
                exact = false;
            }
            else if (mapping is Keywords.Type or Keywords.Id or Keywords.Value)
            {
                aliases.Add((term, mapping));
            }
        }
        return new KeywordAliases(exact, aliases.ToArray());
    }
}
