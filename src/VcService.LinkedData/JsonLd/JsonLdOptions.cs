using System.Text.Json.Nodes;
using VcService.LinkedData.JsonLd.Loading;

namespace VcService.LinkedData.JsonLd;

/// <summary>JsonLdOptions (JSON-LD 1.1 API §9.2), restricted to what expansion and toRdf use.</summary>
public sealed class JsonLdOptions
{
    public const string JsonLd10 = "json-ld-1.0";
    public const string JsonLd11 = "json-ld-1.1";

    /// <summary>The base IRI of the document (overrides the document URL).</summary>
    public string? Base { get; set; }

    /// <summary>Loads remote contexts; never the network (DESIGN: bundled contexts only).</summary>
    public IDocumentLoader DocumentLoader { get; set; } = BundledDocumentLoader.Default;

    /// <summary>Reject input that would silently lose data or leave relative IRIs (as jsonld.js <c>safe: true</c>).</summary>
    public bool SafeMode { get; set; }

    /// <summary>"json-ld-1.1" (default) or "json-ld-1.0".</summary>
    public string ProcessingMode { get; set; } = JsonLd11;

    /// <summary>null, "i18n-datatype" or "compound-literal" (§6.4 toRdf).</summary>
    public string? RdfDirection { get; set; }

    /// <summary>Emit triples with blank-node predicates (generalized RDF).</summary>
    public bool ProduceGeneralizedRdf { get; set; }

    public JsonLdLimits Limits { get; set; } = JsonLdLimits.Default;

    /// <summary>A context to apply before the document's own (the API's expandContext option).</summary>
    public JsonNode? ExpandContext { get; set; }

    internal bool IsJsonLd10 => ProcessingMode == JsonLd10;
}
