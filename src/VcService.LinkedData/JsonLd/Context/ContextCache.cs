using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using VcService.LinkedData.JsonLd.Loading;

namespace VcService.LinkedData.JsonLd.Context;

/// <summary>
/// Process-wide, per-document-loader cache of dereferenced remote contexts and of processed active contexts, so a
/// credential's contexts are parsed once per process rather than once per document. Bounded: when an entry count
/// passes <see cref="MaxEntries"/> that map is cleared (contexts are few; this only guards against abuse).
/// </summary>
internal sealed class ContextCache
{
    public const int MaxEntries = 4096;

    private static readonly ConditionalWeakTable<IDocumentLoader, ContextCache> s_byLoader = new();

    public ConcurrentDictionary<string, LoadedContext> Documents { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<ResultKey, ActiveContext> Results { get; } = new();

    public ConcurrentDictionary<string, ActiveContext> InitialContexts { get; } = new(StringComparer.Ordinal);

    public static ContextCache For(IDocumentLoader loader) => s_byLoader.GetValue(loader, static _ => new ContextCache());

    /// <summary>Drops everything cached for <paramref name="loader"/> (its documents changed).</summary>
    public static void Invalidate(IDocumentLoader loader) => s_byLoader.Remove(loader);

    public static void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map)
        where TKey : notnull
    {
        if (map.Count >= MaxEntries)
        {
            map.Clear();
        }
    }

    /// <summary>The <c>@context</c> entry of a dereferenced remote document and its URL.</summary>
    internal sealed record LoadedContext(object? Context, string DocumentUrl);

    /// <summary>
    /// Identity of one context-processing call: input active context, the local context (its canonical JSON text,
    /// or the <see cref="TermDefinition"/> instance holding a scoped context, compared by reference), base URL,
    /// flags, and the options that change the outcome.
    /// </summary>
    internal readonly record struct ResultKey(
        long ActiveContextId, object LocalContext, string? BaseUrl, bool OverrideProtected, bool Propagate,
        bool SafeMode, bool JsonLd10);
}
