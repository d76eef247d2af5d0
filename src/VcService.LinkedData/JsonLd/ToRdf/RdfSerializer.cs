using System.Globalization;
using System.Numerics;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.JsonLd.ToRdf;

/// <summary>
/// Deserialize JSON-LD to RDF (JSON-LD 1.1 API §6.4, https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm),
/// with Object to RDF Conversion (§6.4.4 here "ObjectToRdf") and List to RDF Conversion.
/// </summary>
internal sealed class RdfSerializer
{
    private readonly JsonLdOptions _options;
    private readonly BlankNodeIssuer _issuer;
    private readonly List<Quad> _quads = new();
    private readonly Dictionary<string, RdfTerm> _blankNodes = new(StringComparer.Ordinal);

    public RdfSerializer(JsonLdOptions options, BlankNodeIssuer issuer)
    {
        _options = options;
        _issuer = issuer;
    }

    public List<Quad> Serialize(Dictionary<string, Dictionary<string, Dictionary<string, object?>>> nodeMap)
    {
        var safe = _options.SafeMode;
        var typeIri = RdfTerm.Iri(Keywords.RdfType);
        // A quad is 128 bytes: sizing the list once saves its doubling copies (large documents: on the large object heap).
        _quads.EnsureCapacity(_quads.Count + EstimateQuadCount(nodeMap));
        // 1) Each graph.
        foreach (var (graphName, graph) in nodeMap)
        {
            // 1.1) Skip graphs whose name is not well-formed.
            RdfTerm graphTerm;
            if (graphName == Keywords.Default)
            {
                graphTerm = RdfTerm.DefaultGraph;
            }
            else if (ToResource(graphName) is { } g)
            {
                graphTerm = g;
            }
            else
            {
                SafeMode.Event(safe, SafeMode.RelativeGraphReference, $"graph name '{graphName}' is not an absolute IRI");
                continue;
            }
            // 1.3) Each subject.
            foreach (var (subject, node) in graph)
            {
                if (ToResource(subject) is not { } subjectTerm)
                {
                    SafeMode.Event(safe, SafeMode.RelativeSubjectReference, $"subject '{subject}' is not an absolute IRI");
                    continue;
                }
                foreach (var (property, values) in node)
                {
                    if (property == Keywords.Type)
                    {
                        // 1.3.2.1) rdf:type triples.
                        foreach (var type in JsonModel.AsList(values))
                        {
                            if (type is string t && ToResource(t) is { } typeTerm)
                            {
                                _quads.Add(new Quad(subjectTerm, typeIri, typeTerm, graphTerm));
                            }
                            else
                            {
                                SafeMode.Event(safe, SafeMode.RelativeTypeReferenceRdf, $"type '{type}' is not an absolute IRI");
                            }
                        }
                        continue;
                    }
                    // 1.3.2.2)
                    if (Keywords.IsKeyword(property))
                    {
                        continue;
                    }
                    // 1.3.2.3) Blank node predicates only in generalized RDF.
                    if (Iri.IsBlankNode(property) && !_options.ProduceGeneralizedRdf)
                    {
                        SafeMode.Event(safe, SafeMode.BlankNodePredicate, $"property '{property}' is a blank node");
                        continue;
                    }
                    // 1.3.2.4)
                    if (ToResource(property) is not { } predicate)
                    {
                        SafeMode.Event(safe, SafeMode.RelativePropertyReference, $"property '{property}' is not an absolute IRI");
                        continue;
                    }
                    // 1.3.2.5)
                    foreach (var item in JsonModel.AsList(values))
                    {
                        var start = _quads.Count;
                        if (ObjectToRdf(item, graphTerm) is { } o)
                        {
                            AddAt(start, new Quad(subjectTerm, predicate, o, graphTerm));
                        }
                    }
                }
            }
        }
        return _quads;
    }

    /// <summary>One quad per property value, two per list item (rdf:first, rdf:rest); values dropped later only make it an upper bound.</summary>
    private static int EstimateQuadCount(Dictionary<string, Dictionary<string, Dictionary<string, object?>>> nodeMap)
    {
        var count = 0;
        foreach (var graph in nodeMap.Values)
        {
            foreach (var node in graph.Values)
            {
                foreach (var values in node.Values)
                {
                    if (values is not List<object?> items)
                    {
                        continue;
                    }
                    count += items.Count;
                    foreach (var item in items)
                    {
                        if (item is Dictionary<string, object?> map && map.TryGetValue(Keywords.List, out var list) && list is List<object?> l)
                        {
                            count += 2 * l.Count;
                        }
                    }
                }
            }
        }
        return count;
    }

    private RdfTerm? ToResource(string id)
    {
        if (Iri.IsBlankNode(id))
        {
            // One label string per blank node, however often it occurs.
            if (!_blankNodes.TryGetValue(id, out var blank))
            {
                blank = RdfTerm.Blank(id.Substring(2));
                _blankNodes[id] = blank;
            }
            return blank;
        }
        return Iri.IsWellFormedAbsolute(id) ? RdfTerm.Iri(id) : null;
    }

    /// <summary>Object to RDF Conversion (§6.4.4); list triples are appended to the output directly.</summary>
    private RdfTerm? ObjectToRdf(object? item, RdfTerm graph)
    {
        if (item is not Dictionary<string, object?> map)
        {
            return null;
        }
        var isList = map.TryGetValue(Keywords.List, out var listValue);
        object? value = null;
        var isValue = !isList && map.TryGetValue(Keywords.Value, out value);
        // 1-2) Node objects / references.
        if (!isValue && !isList)
        {
            if (map.TryGetValue(Keywords.Id, out var idValue) && idValue is string id && ToResource(id) is { } resource)
            {
                return resource;
            }
            SafeMode.Event(_options.SafeMode, SafeMode.RelativeIdReference, $"object '{(map.TryGetValue(Keywords.Id, out var v) ? v : null)}' is not an absolute IRI");
            return null;
        }
        // 3) Lists.
        if (isList)
        {
            return ListToRdf(JsonModel.AsList(listValue), graph);
        }
        // 4-5) Value objects.
        // A value object with @value alone (the usual case) needs no further lookups.
        var annotated = map.Count > 1;
        var datatype = annotated && map.TryGetValue(Keywords.Type, out var dt) ? dt as string : null;
        if (datatype is not null && datatype != Keywords.Json && !Iri.IsWellFormedAbsolute(datatype))
        {
            return null;
        }
        // 6) Ill-formed language tags are dropped.
        var language = annotated && map.TryGetValue(Keywords.Language, out var lv) ? lv as string : null;
        if (language is not null && !SafeMode.IsWellFormedLanguage(language))
        {
            SafeMode.Event(_options.SafeMode, SafeMode.InvalidLanguageValue, $"language tag '{language}' is not well-formed");
            return null;
        }
        string lexical;
        if (datatype == Keywords.Json)
        {
            // 7) JSON literal, canonicalized (RFC 8785).
            lexical = JsonCanonicalizer.Canonicalize(value);
            datatype = Keywords.RdfJson;
        }
        else if (Lexical(value, ref datatype, language) is { } scalar)
        {
            // 8-11)
            lexical = scalar;
        }
        else
        {
            return null;
        }
        // 12-13) Base direction.
        if (annotated && map.TryGetValue(Keywords.Direction, out var directionValue) && directionValue is string direction)
        {
            var lang = language?.ToLowerInvariant() ?? "";
            switch (_options.RdfDirection)
            {
                case null:
                    // The direction is lost (jsonld.js safe-mode event "rdfDirection not set").
                    SafeMode.Event(_options.SafeMode, SafeMode.RdfDirectionNotSet, $"@direction '{direction}' of \"{lexical}\" is dropped: rdfDirection is not set");
                    break;
                case "i18n-datatype":
                    return RdfTerm.Literal(lexical, Keywords.I18nNs + lang + "_" + direction);
                case "compound-literal":
                {
                    var node = RdfTerm.Blank(_issuer.Issue(null).Substring(2));
                    _quads.Add(new Quad(node, RdfTerm.Iri(Keywords.RdfValue), RdfTerm.Literal(lexical), graph));
                    if (language is not null)
                    {
                        _quads.Add(new Quad(node, RdfTerm.Iri(Keywords.RdfLanguage), RdfTerm.Literal(lang), graph));
                    }
                    _quads.Add(new Quad(node, RdfTerm.Iri(Keywords.RdfDirection), RdfTerm.Literal(direction), graph));
                    return node;
                }
                default:
                    throw new JsonLdException(JsonLdErrorCode.InvalidRdfDirection, $"unknown rdfDirection '{_options.RdfDirection}'");
            }
        }
        return language is not null ? RdfTerm.Literal(lexical, null, language) : RdfTerm.Literal(lexical, datatype);
    }

    /// <summary>
    /// Steps 8-11 of Object to RDF Conversion for a scalar @value: its lexical form, and its datatype when the value
    /// object gives none (xsd:boolean, xsd:double, xsd:integer, xsd:string or rdf:langString). Null for other values.
    /// </summary>
    internal static string? Lexical(object? value, ref string? datatype, string? language)
    {
        if (value is bool b)
        {
            // 8)
            datatype ??= Keywords.XsdBoolean;
            return b ? "true" : "false";
        }
        if (value is double d && (d % 1 != 0 || Math.Abs(d) >= 1e21 || datatype == Keywords.XsdDouble))
        {
            // 9) Canonical xsd:double.
            datatype ??= Keywords.XsdDouble;
            return FormatDouble(d);
        }
        if (value is double n)
        {
            // 10) Integers.
            datatype ??= Keywords.XsdInteger;
            return FormatInteger(n);
        }
        if (value is string s)
        {
            // 11)
            datatype ??= language is not null ? RdfTerm.RdfLangString : RdfTerm.XsdString;
            return s;
        }
        return null;
    }

    /// <summary>
    /// Adds the triple of a converted object at <paramref name="slot"/>, the end of the output before the conversion:
    /// quads the conversion added (a list's, a compound literal's) follow their triple, in the algorithm's order.
    /// </summary>
    private void AddAt(int slot, Quad quad)
    {
        if (_quads.Count == slot)
        {
            _quads.Add(quad);
        }
        else
        {
            _quads.Insert(slot, quad);
        }
    }

    /// <summary>List to RDF Conversion (§6.4.5).</summary>
    private RdfTerm ListToRdf(List<object?> list, RdfTerm graph)
    {
        // 1) Empty list.
        if (list.Count == 0)
        {
            return RdfTerm.Iri(Keywords.RdfNil);
        }
        // 2) One blank node per item.
        var nodes = new RdfTerm[list.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = RdfTerm.Blank(_issuer.Issue(null).Substring(2));
        }
        var first = RdfTerm.Iri(Keywords.RdfFirst);
        var rest = RdfTerm.Iri(Keywords.RdfRest);
        // 3)
        for (var i = 0; i < nodes.Length; i++)
        {
            var slot = _quads.Count;
            if (ObjectToRdf(list[i], graph) is { } obj)
            {
                AddAt(slot, new Quad(nodes[i], first, obj, graph));
            }
            _quads.Add(new Quad(nodes[i], rest, i + 1 < nodes.Length ? nodes[i + 1] : RdfTerm.Iri(Keywords.RdfNil), graph));
        }
        return nodes[0];
    }

    /// <summary>XSD canonical double, as jsonld.js: 15 fraction digits, trailing zeros trimmed, e.g. 1.1E0.</summary>
    internal static string FormatDouble(double d)
    {
        if (!double.IsFinite(d))
        {
            // The model never holds one (JsonModel.FiniteNumber); kept as a guard: no other exception escapes.
            throw new JsonLdException(JsonLdErrorCode.InvalidJson, "a number outside the range of a double has no xsd:double form");
        }
        var s = d.ToString("E15", CultureInfo.InvariantCulture); // e.g. -1.100000000000000E+001
        var e = s.IndexOf('E');
        var mantissa = s.AsSpan(0, e).TrimEnd('0');
        if (mantissa[^1] == '.')
        {
            mantissa = s.AsSpan(0, mantissa.Length + 1);
        }
        var exponent = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return string.Concat(mantissa, "E", exponent.ToString(CultureInfo.InvariantCulture));
    }

    private static string FormatInteger(double d) =>
        Math.Abs(d) < 9e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : new BigInteger(d).ToString(CultureInfo.InvariantCulture);
}
