using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VcService.LinkedData.JsonLd.Loading;

/// <summary>
/// Serves the JSON-LD contexts bundled with this assembly (Contexts/index.json maps URL to file) and any documents
/// an operator adds. Never fetches from the network.
/// </summary>
public sealed class BundledDocumentLoader : IDocumentLoader
{
    private const string ResourcePrefix = "VcService.LinkedData.Contexts.";

    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);

    /// <summary>The process-wide loader with the bundled contexts.</summary>
    public static BundledDocumentLoader Default { get; } = CreateWithBundledContexts();

    /// <summary>An empty loader (no documents) — add documents with <see cref="AddDocument"/>.</summary>
    public BundledDocumentLoader()
    {
    }

    /// <summary>A new loader with the bundled contexts (independent of <see cref="Default"/>).</summary>
    public static BundledDocumentLoader CreateWithBundledContexts()
    {
        var loader = new BundledDocumentLoader();
        var assembly = typeof(BundledDocumentLoader).Assembly;
        var index = ReadResource(assembly, "index.json")
            ?? throw new InvalidOperationException("bundled context index.json is missing");
        foreach (var (url, file) in ParseIndex(index))
        {
            var json = ReadResource(assembly, file)
                ?? throw new InvalidOperationException($"bundled context file '{file}' for '{url}' is missing");
            loader._documents[url] = json;
        }
        return loader;
    }

    /// <summary>URLs this loader can serve.</summary>
    public IReadOnlyCollection<string> Urls => (IReadOnlyCollection<string>)_documents.Keys;

    /// <summary>Adds (or replaces) a document served for <paramref name="url"/>.</summary>
    public void AddDocument(string url, string json)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"document for '{url}' is not valid JSON: {e.Message}", nameof(json), e);
        }
        _documents[url] = json;
        Context.ContextCache.Invalidate(this);
    }

    /// <summary>Adds every document listed in <c>index.json</c> (URL → file name) of <paramref name="directory"/>.</summary>
    public void AddDirectory(string directory)
    {
        var indexPath = Path.Combine(directory, "index.json");
        if (!File.Exists(indexPath))
        {
            throw new ArgumentException($"'{directory}' has no index.json mapping URLs to files", nameof(directory));
        }
        foreach (var (url, file) in ParseIndex(File.ReadAllText(indexPath)))
        {
            AddDocument(url, File.ReadAllText(Path.Combine(directory, file)));
        }
    }

    public RemoteDocument Load(string url)
    {
        if (!_documents.TryGetValue(url, out var json))
        {
            throw new JsonLdException(
                JsonLdErrorCode.LoadingRemoteContextFailed,
                $"no bundled document for '{url}' (network loading is disabled; add it with AddDocument/AddDirectory)");
        }
        return new RemoteDocument(url, JsonNode.Parse(json));
    }

    /// <summary>The raw JSON text for <paramref name="url"/>, if served.</summary>
    public bool TryGetJson(string url, out string json) => _documents.TryGetValue(url, out json!);

    private static IEnumerable<KeyValuePair<string, string>> ParseIndex(string json)
    {
        var index = JsonNode.Parse(json) as JsonObject
            ?? throw new InvalidOperationException("index.json must be an object mapping URL to file name");
        foreach (var (url, file) in index)
        {
            yield return new KeyValuePair<string, string>(url, file?.GetValue<string>()
                ?? throw new InvalidOperationException($"index.json entry '{url}' has no file name"));
        }
    }

    private static string? ReadResource(Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + file);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
