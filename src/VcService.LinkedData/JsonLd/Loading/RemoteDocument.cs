using System.Text.Json.Nodes;

namespace VcService.LinkedData.JsonLd.Loading;

/// <summary>RemoteDocument (JSON-LD 1.1 API §9.4.1): a loaded document and the URL it was loaded from.</summary>
public sealed class RemoteDocument
{
    public RemoteDocument(string documentUrl, JsonNode? document, string? contextUrl = null, string contentType = "application/ld+json")
    {
        DocumentUrl = documentUrl;
        Document = document;
        ContextUrl = contextUrl;
        ContentType = contentType;
    }

    public string DocumentUrl { get; }
    public JsonNode? Document { get; }
    public string? ContextUrl { get; }
    public string ContentType { get; }
}
