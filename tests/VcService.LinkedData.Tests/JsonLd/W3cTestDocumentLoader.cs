using System.Text.Json.Nodes;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.JsonLd.Loading;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>Test-only loader: serves https://w3c.github.io/json-ld-api/tests/… from ../shared/w3c/json-ld-api/ (no network).</summary>
public sealed class W3cTestDocumentLoader : IDocumentLoader
{
    public const string BaseUrl = "https://w3c.github.io/json-ld-api/tests/";

    public static readonly W3cTestDocumentLoader Instance = new();

    public static string SuiteDir => Path.Combine(RdfTestPaths.SharedDir, "w3c", "json-ld-api");

    public RemoteDocument Load(string url)
    {
        if (!url.StartsWith(BaseUrl, StringComparison.Ordinal))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, $"'{url}' is outside the test suite (network loading is disabled)");
        }
        var relative = url.Substring(BaseUrl.Length);
        var hash = relative.IndexOf('#');
        if (hash >= 0)
        {
            relative = relative.Substring(0, hash);
        }
        var path = Path.Combine(SuiteDir, relative);
        if (!File.Exists(path))
        {
            throw new JsonLdException(JsonLdErrorCode.LoadingRemoteContextFailed, $"'{url}' not found in the test suite");
        }
        return new RemoteDocument(url, JsonNode.Parse(File.ReadAllText(path)));
    }
}
