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

    /// <summary>Memo of vocab-relative IRI expansions (no local context); safe because the context is immutable.</summary>
    public ConcurrentDictionary<string, string?> VocabIriCache =>
        _vocabIriCache ?? Interlocked.CompareExchange(ref _vocabIriCache, new ConcurrentDictionary<string, string?>(StringComparer.Ordinal), null) ?? _vocabIriCache;
}
