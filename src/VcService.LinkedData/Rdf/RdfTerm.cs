namespace VcService.LinkedData.Rdf;

/// <summary>The kind of an RDF term (RDF 1.1 Concepts §3).</summary>
public enum RdfTermKind
{
    Iri,
    BlankNode,
    Literal,
    /// <summary>The graph name of the default graph (only valid in the graph position).</summary>
    DefaultGraph,
}

/// <summary>
/// An RDF term. For IRIs <see cref="Value"/> is the absolute IRI; for blank nodes it is the label
/// without the leading <c>_:</c>; for literals it is the lexical form, with <see cref="Datatype"/>
/// always set (xsd:string, rdf:langString when <see cref="Language"/> is set, or another IRI).
/// </summary>
public readonly record struct RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    public static readonly RdfTerm DefaultGraph = new(RdfTermKind.DefaultGraph, "");

    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);
    public static RdfTerm Blank(string label) => new(RdfTermKind.BlankNode, label);
    public static RdfTerm Literal(string lexical, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, lexical, language is null ? datatype ?? XsdString : RdfLangString, language);

    public bool IsIri => Kind == RdfTermKind.Iri;
    public bool IsBlankNode => Kind == RdfTermKind.BlankNode;
    public bool IsLiteral => Kind == RdfTermKind.Literal;
    public bool IsDefaultGraph => Kind == RdfTermKind.DefaultGraph;
}

/// <summary>An RDF quad; <see cref="Graph"/> is <see cref="RdfTerm.DefaultGraph"/> for triples of the default graph.</summary>
public readonly record struct Quad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm Graph);
