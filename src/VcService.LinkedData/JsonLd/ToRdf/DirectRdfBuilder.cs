using System.Globalization;
using VcService.LinkedData.JsonLd.Context;
using VcService.LinkedData.JsonLd.Expansion;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.JsonLd.ToRdf;

/// <summary>
/// Expansion (§5.1.2), node map generation (§7.2.2) and Deserialize JSON-LD to RDF (§6.4) fused into one walk over
/// the compacted document, for what credentials are made of: node objects with @id, @type and properties; string,
/// number and boolean values with type, @id/@vocab and language coercion; language maps; @list and @graph containers
/// (a proof, a presentation's credentials); embedded, property-scoped and type-scoped contexts (with @propagate and
/// @protected as the full algorithms apply them: the context steps are shared with <see cref="JsonLdExpander"/>).
/// It builds no expanded document and no node map: canonicalization uses it (see JsonLdProcessor.ToRdfForCanonicalization).
/// </summary>
/// <remarks>
/// <para>
/// Anything else (value, list, set or graph objects written out, @reverse, @included, @nest, @index, index/id/type
/// containers, @json, base direction, a term or IRI that would be dropped or stay relative, blank node types or
/// predicates, a top-level node that expansion would drop) makes <see cref="TryToRdf"/> return false, and the caller
/// runs the full algorithms, which also raise every error and safe-mode event: the walk raises none of its own.
/// </para>
/// <para>
/// Deviation: the quads may repeat (a node embedded again gives its triples again unless it was remembered, see
/// <see cref="Node"/>; the node map merges them), and blank node labels follow another order. Only RDFC-1.0 consumes
/// the result: it treats its input as a set and relabels blank nodes, so the canonical form is the same.
/// DirectRdfBuilderTests compare both paths on every input of the W3C expand and toRdf suites.
/// </para>
/// </remarks>
internal sealed class DirectRdfBuilder
{
    private static readonly RdfTerm TypePredicate = RdfTerm.Iri(Keywords.RdfType);
    private static readonly RdfTerm First = RdfTerm.Iri(Keywords.RdfFirst);
    private static readonly RdfTerm Rest = RdfTerm.Iri(Keywords.RdfRest);
    private static readonly RdfTerm Nil = RdfTerm.Iri(Keywords.RdfNil);

    private readonly ContextProcessor _contexts;
    private readonly string? _base;
    private readonly List<Quad> _quads;
    private readonly List<RdfTerm> _listObjects = new();
    private readonly List<Entry> _entries = new();
    private Dictionary<string, RdfTerm>? _labelled;
    private int _blankNodes;
    private RdfTerm _graph = RdfTerm.DefaultGraph;
    private int _freshBlankNodes;

    // Nodes with an identifier whose triples were added, by identifier (see Node); a few per identifier, so a
    // document embedding one identifier many times with different entries costs no quadratic comparing.
    private const int MaxDescribedPerId = 4;
    private Dictionary<string, List<Described>>? _described;

    /// <summary>A property entry of a node object being walked, with its key as the active context reads it.</summary>
    private readonly record struct Entry(string Key, object? Value, KeyInfo Info);

    private readonly record struct Described(Dictionary<string, object?> Element, ActiveContext Active, ActiveContext TypeScopedContext, RdfTerm Graph);

    private DirectRdfBuilder(ContextProcessor contexts, string? baseUrl, List<Quad> quads)
    {
        _contexts = contexts;
        _base = baseUrl;
        _quads = quads;
    }

    /// <summary>
    /// Adds the quads of <paramref name="document"/> (a <see cref="JsonModel"/> value) to
    /// <paramref name="quads"/>, possibly with repeats; false when the document needs the full algorithms (see the
    /// remarks), with <paramref name="quads"/> then holding a part of them.
    /// </summary>
    public static bool TryToRdf(object? document, JsonLdOptions options, List<Quad> quads)
    {
        if (options.ProcessingMode != JsonLdOptions.JsonLd11 || options.ExpandContext is not null)
        {
            return false;
        }
        var contexts = new ContextProcessor(options);
        var builder = new DirectRdfBuilder(contexts, options.Base, quads);
        try
        {
            // §9.1 expand() step 4: the initial context with the base IRI.
            return builder.TopLevel(contexts.Initial(options.Base), document);
        }
        catch (JsonLdException)
        {
            // An invalid context, say: the full algorithms report it, in their order.
            return false;
        }
    }

    /// <summary>Expansion with a null active property: a node object, or an array of them.</summary>
    private bool TopLevel(ActiveContext active, object? element)
    {
        if (element is List<object?> items)
        {
            foreach (var item in items)
            {
                if (!TopLevel(active, item))
                {
                    return false;
                }
            }
            return true;
        }
        // Free-floating scalars and nulls are dropped by expansion (a safe-mode event).
        return element is Dictionary<string, object?> map && Node(active, null, map, topLevel: true, out _);
    }

    /// <summary>
    /// Expansion §5.1.2 steps 7-14 for a map that must be a node object, then node map generation step 6 and
    /// toRdf step 1.3 for it: its type and property triples. <paramref name="subject"/> is its IRI or blank node.
    /// </summary>
    private bool Node(ActiveContext active, TermDefinition? propertyDefinition, Dictionary<string, object?> element,
        bool topLevel, out RdfTerm subject)
    {
        subject = default;
        // 7) Revert a non-propagated context unless this is a value object or a lone @id.
        if (active.PreviousContext is not null && !JsonLdExpander.KeepsNonPropagated(active, element))
        {
            active = active.PreviousContext;
        }
        // 8) Property-scoped context, overriding protected terms.
        if (propertyDefinition is { HasLocalContext: true })
        {
            active = _contexts.Process(active, propertyDefinition.LocalContext, propertyDefinition.BaseUrl,
                overrideProtected: true, scopedFrom: propertyDefinition);
        }
        // 9) Embedded context.
        if (element.TryGetValue(Keywords.Context, out var embedded))
        {
            active = _contexts.Process(active, embedded, _base);
        }
        // 10-11) Type-scoped contexts; type values expand with the context before them.
        var typeScopedContext = active;
        active = JsonLdExpander.ApplyTypeScopedContexts(_contexts, active, element, out _);

        // 13.4.3-13.4.4) The keywords: @id and @type only. The other entries go on the scratch stack for 13.5-13.14.
        string? id = null;
        object? types = null;
        var kept = false;
        var start = _entries.Count;
        foreach (var (key, value) in element)
        {
            if (key == Keywords.Context)
            {
                continue;
            }
            var info = active.Key(key);
            if (!info.Kept || info.Iri is null)
            {
                return false; // 13.3) dropped key
            }
            if (!info.IsKeyword)
            {
                kept |= value is not null;
                _entries.Add(new Entry(key, value, info));
                continue;
            }
            switch (info.Iri)
            {
                case Keywords.Id when id is null && value is string given:
                    id = given;
                    break;
                case Keywords.Type when types is null && value is not null:
                    types = value;
                    kept = true;
                    break;
                default:
                    return false;
            }
        }
        // 19) A top-level map with nothing but an @id (or nothing) is dropped.
        if (topLevel && !kept)
        {
            return false;
        }
        // Node map generation 6.1: the subject.
        if (id is null)
        {
            subject = Fresh();
        }
        else if (!Resource(IriExpander.Expand(active, id, documentRelative: true, vocab: false), out subject))
        {
            return false;
        }
        // A node with an identifier embedded again, with equal entries under the same contexts, expands to the same
        // node object, whose types and values node map generation (6.6, 6.11) finds there already. That holds
        // only when its first embedding made no fresh blank node: a second one would make others.
        List<Described>? described = null;
        if (id is not null)
        {
            _described ??= new Dictionary<string, List<Described>>(StringComparer.Ordinal);
            if (_described.TryGetValue(subject.Value, out described))
            {
                foreach (var earlier in described)
                {
                    if (ReferenceEquals(earlier.Active, active) && ReferenceEquals(earlier.TypeScopedContext, typeScopedContext)
                        && earlier.Graph == _graph && JsonModel.DeepEquals(earlier.Element, element))
                    {
                        return true;
                    }
                }
            }
        }
        var freshBefore = _freshBlankNodes;
        var added = AddTypesAndProperties(active, typeScopedContext, start, subject, types);
        _entries.RemoveRange(start, _entries.Count - start);
        if (!added)
        {
            return false;
        }
        if (id is not null && _freshBlankNodes == freshBefore && (described is null || described.Count < MaxDescribedPerId))
        {
            if (described is null)
            {
                described = new List<Described>(1);
                _described![subject.Value] = described;
            }
            described.Add(new Described(element, active, typeScopedContext, _graph));
        }
        return true;
    }

    /// <summary>Node map generation 6.6 and 6.11 with toRdf 1.3.2 for one node object.</summary>
    /// <param name="start">Where the node's property entries start on the scratch stack.</param>
    private bool AddTypesAndProperties(ActiveContext active, ActiveContext typeScopedContext, int start, RdfTerm subject, object? types)
    {
        // 6.6, toRdf 1.3.2.1) rdf:type triples.
        if (types is string singleType)
        {
            if (!AddType(typeScopedContext, subject, singleType))
            {
                return false;
            }
        }
        else if (types is List<object?> typeList)
        {
            foreach (var type in typeList)
            {
                if (type is not string t || !AddType(typeScopedContext, subject, t))
                {
                    return false;
                }
            }
        }
        else if (types is not null)
        {
            return false;
        }
        // 13.5-13.14, 6.11, toRdf 1.3.2.5) Property triples.
        // (The stack grows while values are added: entries are read by index, up to the node's own end.)
        var end = _entries.Count;
        for (var i = start; i < end; i++)
        {
            var (key, value, info) = _entries[i];
            if (!info.IsPredicate)
            {
                return false; // relative or blank node predicate
            }
            var property = info.Iri!;
            var definition = info.Definition;
            var container = definition?.Container ?? ContainerKind.None;
            if ((container & ~(ContainerKind.Set | ContainerKind.Language | ContainerKind.List | ContainerKind.Graph)) != 0
                || container == (ContainerKind.Graph | ContainerKind.List)
                || definition is { Reverse: true } || definition?.TypeMapping == Keywords.Json)
            {
                return false;
            }
            var predicate = RdfTerm.Iri(property);
            bool added;
            if ((container & ContainerKind.Language) != 0 && value is Dictionary<string, object?> languageMap)
            {
                added = AddLanguageMap(active, definition!, languageMap, subject, predicate);
            }
            else if ((container & ContainerKind.Graph) != 0)
            {
                added = AddGraphs(active, definition!, value, subject, predicate);
            }
            else if ((container & ContainerKind.List) != 0)
            {
                added = AddList(active, key, definition!, value, subject, predicate);
            }
            else
            {
                added = AddValues(active, key, definition, value, subject, predicate);
            }
            if (!added)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>13.9: the expanded values of one property (arrays flattened), each a triple.</summary>
    private bool AddValues(ActiveContext active, string key, TermDefinition? definition, object? value, RdfTerm subject, RdfTerm predicate)
    {
        switch (value)
        {
            case null:
                return true;
            case List<object?> items:
                foreach (var item in items)
                {
                    if (!AddValues(active, key, definition, item, subject, predicate))
                    {
                        return false;
                    }
                }
                return true;
            default:
                if (!Value(active, key, definition, value, out var obj))
                {
                    return false;
                }
                Add(subject, predicate, obj);
                return true;
        }
    }

    /// <summary>A property value that is not an array: a node object (its subject) or a scalar (value expansion).</summary>
    private bool Value(ActiveContext active, string key, TermDefinition? definition, object value, out RdfTerm term)
    {
        if (value is Dictionary<string, object?> map)
        {
            return Node(active, definition, map, topLevel: false, out term);
        }
        return Scalar(active, key, definition, value, out term);
    }

    /// <summary>Expansion step 4 with Value Expansion (§5.3.2), then Object to RDF Conversion (§6.4.4).</summary>
    private bool Scalar(ActiveContext active, string key, TermDefinition? definition, object value, out RdfTerm term)
    {
        term = default;
        // 4.3) A property-scoped context applies to the value.
        if (definition is { HasLocalContext: true })
        {
            active = _contexts.Process(active, definition.LocalContext, definition.BaseUrl, scopedFrom: definition);
            definition = active.Get(key);
        }
        // Value expansion, then Object to RDF Conversion of its result.
        var expanded = ValueExpander.Classify(active, definition, value);
        if (expanded.IsReference)
        {
            return Resource(expanded.Reference, out term);
        }
        var datatype = expanded.Type;
        var language = expanded.Language;
        if ((datatype is not null && !Iri.IsWellFormedAbsolute(datatype)) || expanded.Direction is not null
            || (language is not null && !SafeMode.IsWellFormedLanguage(language)))
        {
            return false; // dropped by toRdf, or needs rdfDirection
        }
        if (RdfSerializer.Lexical(value, ref datatype, language) is not { } lexical)
        {
            return false;
        }
        term = language is not null ? RdfTerm.Literal(lexical, null, language) : RdfTerm.Literal(lexical, datatype);
        return true;
    }

    /// <summary>13.7: a language map, one language-tagged string per item.</summary>
    private bool AddLanguageMap(ActiveContext active, TermDefinition definition, Dictionary<string, object?> languageMap,
        RdfTerm subject, RdfTerm predicate)
    {
        if ((definition.HasDirection ? definition.Direction : active.DefaultDirection) is not null)
        {
            return false;
        }
        foreach (var (language, value) in languageMap)
        {
            var isNone = JsonLdExpander.IsNoneLanguage(active, language);
            if (!isNone && !SafeMode.IsWellFormedLanguage(language))
            {
                return false;
            }
            var tag = isNone ? null : language.ToLowerInvariant();
            if (value is List<object?> items)
            {
                foreach (var item in items)
                {
                    if (!AddLanguageString(item, tag, subject, predicate))
                    {
                        return false;
                    }
                }
            }
            else if (!AddLanguageString(value, tag, subject, predicate))
            {
                return false;
            }
        }
        return true;
    }

    private bool AddLanguageString(object? item, string? tag, RdfTerm subject, RdfTerm predicate)
    {
        switch (item)
        {
            case null:
                return true;
            case string s:
                Add(subject, predicate, tag is null ? RdfTerm.Literal(s) : RdfTerm.Literal(s, null, tag));
                return true;
            default:
                return false; // "invalid language map value"
        }
    }

    /// <summary>
    /// 13.12 with node map generation 6.9: a @graph container's values, each in a named graph of its own (a fresh
    /// blank node, the property's object) holding the node objects it expands to.
    /// </summary>
    private bool AddGraphs(ActiveContext active, TermDefinition definition, object? value, RdfTerm subject, RdfTerm predicate)
    {
        switch (value)
        {
            case null:
                return true;
            case List<object?> items:
                foreach (var item in items)
                {
                    if (!AddGraphs(active, definition, item, subject, predicate))
                    {
                        return false;
                    }
                }
                return true;
            case Dictionary<string, object?> map:
            {
                var graph = Fresh();
                Add(subject, predicate, graph);
                var outer = _graph;
                _graph = graph;
                var added = Node(active, definition, map, topLevel: false, out _);
                _graph = outer;
                return added;
            }
            default:
                return false; // a value in a graph has no subject: dropped (a safe-mode event)
        }
    }

    /// <summary>13.11 with List to RDF Conversion (§6.4.5): a @list container's values as an RDF collection.</summary>
    private bool AddList(ActiveContext active, string key, TermDefinition definition, object? value, RdfTerm subject, RdfTerm predicate)
    {
        if (value is null)
        {
            return true; // 13.10) nothing to add
        }
        var items = value as List<object?>;
        var count = items?.Count ?? 1;
        // The items' objects go on a scratch stack (an item can hold a list of its own).
        var start = _listObjects.Count;
        for (var i = 0; i < count; i++)
        {
            var item = items is null ? value : items[i];
            if (item is null)
            {
                continue;
            }
            if (item is List<object?> || !Value(active, key, definition, item, out var obj))
            {
                return false; // nested lists take the full algorithm
            }
            _listObjects.Add(obj);
        }
        var length = _listObjects.Count - start;
        if (length == 0)
        {
            Add(subject, predicate, Nil);
            return true;
        }
        var head = Fresh();
        Add(subject, predicate, head);
        for (var i = 0; i < length; i++)
        {
            var next = i + 1 < length ? Fresh() : Nil;
            Add(head, First, _listObjects[start + i]);
            Add(head, Rest, next);
            head = next;
        }
        _listObjects.RemoveRange(start, length);
        return true;
    }

    private bool AddType(ActiveContext typeScopedContext, RdfTerm subject, string type)
    {
        var iri = IriExpander.Expand(typeScopedContext, type, documentRelative: true, vocab: true);
        if (iri is null || !Iri.IsWellFormedAbsolute(iri))
        {
            return false; // relative, or a blank node type
        }
        Add(subject, TypePredicate, RdfTerm.Iri(iri));
        return true;
    }

    /// <summary>An expanded @id: an absolute IRI, or a blank node identifier of the document (relabelled).</summary>
    private bool Resource(string? id, out RdfTerm term)
    {
        if (id is null)
        {
            term = default;
            return false;
        }
        if (Iri.IsBlankNode(id))
        {
            _labelled ??= new Dictionary<string, RdfTerm>(StringComparer.Ordinal);
            if (!_labelled.TryGetValue(id, out term))
            {
                term = RdfTerm.Blank(NextLabel());
                _labelled[id] = term;
            }
            return true;
        }
        term = RdfTerm.Iri(id);
        return Iri.IsWellFormedAbsolute(id);
    }

    private RdfTerm Fresh()
    {
        _freshBlankNodes++;
        return RdfTerm.Blank(NextLabel());
    }

    private string NextLabel() => "b" + _blankNodes++.ToString(CultureInfo.InvariantCulture);

    private void Add(RdfTerm subject, RdfTerm predicate, RdfTerm obj) => _quads.Add(new Quad(subject, predicate, obj, _graph));
}
