using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.LinkedData.JsonLd.Context;
using VcService.LinkedData.JsonLd.Expansion;
using VcService.LinkedData.JsonLd.ToRdf;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.JsonLd;

/// <summary>JsonLdProcessor (JSON-LD 1.1 API §9.1): expansion and toRdf over bundled contexts only.</summary>
public static class JsonLdProcessor
{
    /// <summary>expand() (§9.1): the expanded form of <paramref name="document"/>.</summary>
    public static JsonArray Expand(JsonNode? document, JsonLdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var expanded = ExpandToModel(JsonModel.FromNode(document, options.Limits.MaxDepth), options);
        return (JsonArray)JsonModel.ToNode(expanded)!;
    }

    /// <summary>expand() from raw UTF-8 JSON (size and depth limits enforced while parsing).</summary>
    public static JsonArray Expand(ReadOnlySpan<byte> utf8Json, JsonLdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonArray)JsonModel.ToNode(ExpandToModel(ParseModel(utf8Json, options.Limits), options))!;
    }

    /// <summary>toRdf() (§9.1): expands, then Deserialize JSON-LD to RDF (§6.4). Blank nodes are labelled b0, b1, …</summary>
    public static List<Quad> ToRdf(JsonNode? document, JsonLdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ToRdfFromModel(JsonModel.FromNode(document, options.Limits.MaxDepth), options);
    }

    /// <summary>toRdf() from raw UTF-8 JSON (size and depth limits enforced while parsing).</summary>
    public static List<Quad> ToRdf(ReadOnlySpan<byte> utf8Json, JsonLdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ToRdfFromModel(ParseModel(utf8Json, options.Limits), options);
    }

    /// <summary>
    /// Parses raw JSON enforcing <see cref="JsonLdLimits.MaxDocumentBytes"/> ("document too large") and
    /// <see cref="JsonLdLimits.MaxDepth"/> ("document too deep"); malformed JSON raises "invalid JSON".
    /// </summary>
    public static JsonNode? ParseDocument(ReadOnlySpan<byte> utf8Json, JsonLdLimits limits)
    {
        CheckSize(utf8Json.Length, limits);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1, CommentHandling = JsonCommentHandling.Disallow });
            var options = new JsonNodeOptions();
            return JsonNode.Parse(ref reader, options);
        }
        catch (JsonException e)
        {
            throw Translate(e, limits);
        }
    }

    /// <summary>As <see cref="ParseDocument(ReadOnlySpan{byte}, JsonLdLimits)"/> for a string.</summary>
    public static JsonNode? ParseDocument(string json, JsonLdLimits limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        CheckSize(Encoding.UTF8.GetByteCount(json), limits);
        return ParseDocument(Encoding.UTF8.GetBytes(json), limits);
    }

    internal static object? ParseModel(ReadOnlySpan<byte> utf8Json, JsonLdLimits limits)
    {
        CheckSize(utf8Json.Length, limits);
        // The reader raises JsonLdException itself ("invalid JSON" with the position, "document too deep").
        return JsonModelReader.Read(utf8Json, limits.MaxDepth);
    }

    internal static List<object?> ExpandToModel(object? document, JsonLdOptions options) => ExpandToModel(document, options, out _);

    /// <param name="expandedMaps">How many maps were expanded: an upper bound of the node count, to size the node map.</param>
    internal static List<object?> ExpandToModel(object? document, JsonLdOptions options, out int expandedMaps)
    {
        if (options.ProcessingMode is not (JsonLdOptions.JsonLd10 or JsonLdOptions.JsonLd11))
        {
            throw new JsonLdException(JsonLdErrorCode.ProcessingModeConflict, $"unknown processingMode '{options.ProcessingMode}'");
        }
        var processor = new ContextProcessor(options);
        // §9.1 expand() step 4-6: initial active context with the base IRI, then expandContext.
        var active = processor.Initial(options.Base);
        if (options.ExpandContext is not null)
        {
            var expandContext = JsonModel.FromNode(options.ExpandContext, options.Limits.MaxDepth);
            if (expandContext is Dictionary<string, object?> ec && ec.TryGetValue(Keywords.Context, out var inner))
            {
                expandContext = inner;
            }
            active = processor.Process(active, expandContext, options.Base);
        }
        var expander = new JsonLdExpander(processor);
        var expanded = expander.Expand(active, null, document, options.Base);
        expandedMaps = expander.ExpandedMaps;
        // §9.1 step 8: a top-level map with only @graph is replaced by its value.
        if (expanded is Dictionary<string, object?> map && map.Count == 1 && map.TryGetValue(Keywords.Graph, out var graph))
        {
            expanded = graph;
        }
        return expanded switch
        {
            null => new List<object?>(),
            List<object?> list => list,
            _ => new List<object?> { expanded },
        };
    }

    internal static List<Quad> ToRdfFromModel(object? document, JsonLdOptions options)
    {
        var expanded = ExpandToModel(document, options, out var expandedMaps);
        var issuer = new BlankNodeIssuer();
        var generator = new NodeMapGenerator(issuer, options.SafeMode, expandedMaps);
        generator.Generate(expanded, Keywords.Default, null, null, null);
        return new RdfSerializer(options, issuer).Serialize(generator.NodeMap);
    }

    /// <summary>
    /// toRdf as canonicalization needs it: the fused walk of <see cref="DirectRdfBuilder"/> when the document allows
    /// it (its quads may repeat, which RDFC-1.0 ignores), else the full algorithms.
    /// </summary>
    /// <param name="scratch">A list to fill (cleared first), returned when the fused walk applies.</param>
    internal static List<Quad> ToRdfForCanonicalization(object? document, JsonLdOptions options, List<Quad> scratch)
    {
        scratch.Clear();
        return DirectRdfBuilder.TryToRdf(document, options, scratch) ? scratch : ToRdfFromModel(document, options);
    }

    private static void CheckSize(int length, JsonLdLimits limits)
    {
        if (length > limits.MaxDocumentBytes)
        {
            throw new JsonLdException(JsonLdErrorCode.DocumentTooLarge,
                $"document of {length} bytes exceeds the MaxDocumentBytes limit ({limits.MaxDocumentBytes})");
        }
    }

    private static JsonLdException Translate(JsonException e, JsonLdLimits limits) =>
        e.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
            ? new JsonLdException(JsonLdErrorCode.DocumentTooDeep, $"document nests deeper than the MaxDepth limit ({limits.MaxDepth})", e)
            : new JsonLdException(JsonLdErrorCode.InvalidJson, $"document is not well-formed JSON: {e.Message}", e);
}
