using VcService.LinkedData.JsonLd.Context;

namespace VcService.LinkedData.JsonLd.Expansion;

/// <summary>Value Expansion (JSON-LD 1.1 API §5.3.2, https://www.w3.org/TR/json-ld11-api/#value-expansion).</summary>
internal static class ValueExpander
{
    /// <summary>
    /// What Value Expansion makes of a scalar: a reference (steps 1-2: <see cref="IsReference"/>, its expanded IRI in
    /// <see cref="Reference"/>, null when it expands to nothing), or a value object with these entries (steps 3-5).
    /// </summary>
    internal readonly record struct ExpandedScalar(bool IsReference, string? Reference, string? Type, string? Language, string? Direction);

    public static Dictionary<string, object?> Expand(ActiveContext active, string? activeProperty, object value, bool safeMode) =>
        Expand(active, activeProperty is null ? null : active.Get(activeProperty), activeProperty, value, safeMode);

    /// <summary>As above with the term definition of <paramref name="activeProperty"/> in <paramref name="active"/>.</summary>
    public static Dictionary<string, object?> Expand(ActiveContext active, TermDefinition? def, string? activeProperty, object value, bool safeMode)
    {
        var expanded = Classify(active, def, value);
        if (expanded.IsReference)
        {
            CheckReference(expanded.Reference, (string)value, activeProperty, safeMode);
            return new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Keywords.Id] = expanded.Reference };
        }
        // 3)
        var result = new Dictionary<string, object?>(2, StringComparer.Ordinal) { [Keywords.Value] = value };
        if (expanded.Type is not null)
        {
            result[Keywords.Type] = expanded.Type;
        }
        if (expanded.Language is not null)
        {
            result[Keywords.Language] = expanded.Language;
        }
        if (expanded.Direction is not null)
        {
            result[Keywords.Direction] = expanded.Direction;
        }
        // 6)
        return result;
    }

    /// <summary>Steps 1-5 without building the map (expansion builds it; the fused toRdf walk makes an RDF term of it).</summary>
    public static ExpandedScalar Classify(ActiveContext active, TermDefinition? def, object value)
    {
        var typeMapping = def?.TypeMapping;
        // 1) @id coercion.
        if (typeMapping == Keywords.Id && value is string idRef)
        {
            return new ExpandedScalar(true, IriExpander.Expand(active, idRef, documentRelative: true, vocab: false), null, null, null);
        }
        // 2) @vocab coercion.
        if (typeMapping == Keywords.Vocab && value is string vocabRef)
        {
            return new ExpandedScalar(true, IriExpander.Expand(active, vocabRef, documentRelative: true, vocab: true), null, null, null);
        }
        // 4) Typed value.
        if (typeMapping is not null && typeMapping is not (Keywords.Id or Keywords.Vocab or Keywords.None))
        {
            return new ExpandedScalar(false, null, typeMapping, null, null);
        }
        // 5) Language and direction for strings.
        if (value is string)
        {
            var language = def is { HasLanguage: true } ? def.Language : active.DefaultLanguage;
            var direction = def is { HasDirection: true } ? def.Direction : active.DefaultDirection;
            return new ExpandedScalar(false, null, null, language, direction);
        }
        return default;
    }

    private static void CheckReference(string? iri, string original, string? property, bool safeMode)
    {
        if (safeMode && (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri))))
        {
            SafeMode.Event(true, SafeMode.RelativeIdReference, $"value '{original}' of '{property}' does not expand to an absolute IRI");
        }
    }
}
