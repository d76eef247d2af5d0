using System.Text.Json.Nodes;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>One entry of a W3C JSON-LD test manifest.</summary>
public sealed record W3cTestCase(
    string Id, string Name, bool Positive, bool Syntax, string Input, string? Expect, string? ExpectErrorCode,
    string? Base, string? ExpandContext, string? ProcessingMode, string? SpecVersion, string? RdfDirection,
    bool ProduceGeneralizedRdf)
{
    public string InputUrl => W3cTestDocumentLoader.BaseUrl + Input;

    public string InputPath => Path.Combine(W3cTestDocumentLoader.SuiteDir, Input);

    public string? ExpectPath => Expect is null ? null : Path.Combine(W3cTestDocumentLoader.SuiteDir, Expect);
}

/// <summary>Reads expand-manifest.jsonld / toRdf-manifest.jsonld.</summary>
public static class W3cManifest
{
    public static IReadOnlyList<W3cTestCase> Load(string manifestFile)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(W3cTestDocumentLoader.SuiteDir, manifestFile)))!;
        var result = new List<W3cTestCase>();
        foreach (var entry in manifest["sequence"]!.AsArray())
        {
            var types = entry!["@type"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
            var option = entry["option"] as JsonObject;
            result.Add(new W3cTestCase(
                entry["@id"]!.GetValue<string>(),
                entry["name"]?.GetValue<string>() ?? "",
                !types.Contains("jld:NegativeEvaluationTest"),
                types.Contains("jld:PositiveSyntaxTest"),
                entry["input"]!.GetValue<string>(),
                entry["expect"]?.GetValue<string>(),
                entry["expectErrorCode"]?.GetValue<string>(),
                option?["base"]?.GetValue<string>(),
                option?["expandContext"]?.GetValue<string>(),
                option?["processingMode"]?.GetValue<string>(),
                option?["specVersion"]?.GetValue<string>(),
                option?["rdfDirection"]?.GetValue<string>(),
                option?["produceGeneralizedRdf"]?.GetValue<bool>() ?? false));
        }
        return result;
    }
}
