using VcService.LinkedData.JsonLd.Context;

namespace VcService.LinkedData.JsonLd.Expansion;

/// <summary>Value Expansion (JSON-LD 1.1 API §5.3.2, https://www.w3.org/TR/json-ld11-api/#value-expansion).</summary>
internal static class ValueExpander
{
    public static Dictionary<string, object?> Expand(ActiveContext active, string? activeProperty, object value, bool safeMode) =>
        Expand(active, activeProperty is null ? null : active.Get(activeProperty), activeProperty, value, safeMode);

    /// <summary>As above with the term definition of <paramref name="activeProperty"/> in <paramref name="active"/>.</summary>
    public static Dictionary<string, object?> Expand(ActiveContext active, TermDefinition? def, string? activeProperty, object value, bool safeMode)
    {
        var typeMapping = def?.TypeMapping;
        // 1) @id coercion.
        if (typeMapping == Keywords.Id && value is string idRef)
        {
            var id = IriExpander.Expand(active, idRef, documentRelative: true, vocab: false);
            CheckReference(id, idRef, activeProperty, safeMode);
            return new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Keywords.Id] = id };
        }
        // 2) @vocab coercion.
        if (typeMapping == Keywords.Vocab && value is string vocabRef)
        {
            var id = IriExpander.Expand(active, vocabRef, documentRelative: true, vocab: true);
            CheckReference(id, vocabRef, activeProperty, safeMode);
            return new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Keywords.Id] = id };
        }
        // 3)
        var result = new Dictionary<string, object?>(2, StringComparer.Ordinal) { [Keywords.Value] = value };
        // 4) Typed value.
        if (typeMapping is not null && typeMapping is not (Keywords.Id or Keywords.Vocab or Keywords.None))
        {
            result[Keywords.Type] = typeMapping;
        }
        else if (value is string)
        {
            // 5) Language and direction for strings.
            var language = def is { HasLanguage: true } ? def.Language : active.DefaultLanguage;
            var direction = def is { HasDirection: true } ? def.Direction : active.DefaultDirection;
            if (language is not null)
            {
                result[Keywords.Language] = language;
            }
            if (direction is not null)
            {
                result[Keywords.Direction] = direction;
            }
        }
        // 6)
        return result;
    }

    private static void CheckReference(string? iri, string original, string? property, bool safeMode)
    {
        if (safeMode && (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri))))
        {
            SafeMode.Event(true, SafeMode.RelativeIdReference, $"value '{original}' of '{property}' does not expand to an absolute IRI");
        }
    }
}
