using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.Rdf;
using Xunit.Abstractions;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>Credential-like documents over the bundled contexts, in safe mode.</summary>
public sealed class CredentialDocumentsTests
{
    private readonly ITestOutputHelper _output;

    public CredentialDocumentsTests(ITestOutputHelper output) => _output = output;

    public static string ElmSamplePath => Path.Combine(RdfTestPaths.SharedDir, "reference", "elm", "Sample-MC-Annex1-unsigned.jsonld");

    public static string EddsaUnsignedPath => Path.Combine(RdfTestPaths.SharedDir, "w3c", "vc-di-eddsa", "TestVectors", "unsigned.json");

    [Fact]
    public void ElmSampleExpandsInSafeMode()
    {
        var doc = JsonNode.Parse(File.ReadAllText(ElmSamplePath));
        var expanded = JsonLdProcessor.Expand(doc, new JsonLdOptions { SafeMode = true });
        expanded.Should().HaveCount(1);
        var quads = JsonLdProcessor.ToRdf(doc, new JsonLdOptions { SafeMode = true });
        quads.Should().Contain(q => q.Predicate.Value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
            && q.Object.Value == "https://www.w3.org/2018/credentials#VerifiableCredential");
        _output.WriteLine($"ELM sample: {quads.Count} quads");
    }

    [Fact]
    public void ExpandFromUtf8BytesEqualsExpandFromJsonNode()
    {
        var bytes = File.ReadAllBytes(ElmSamplePath);
        var fromBytes = JsonLdProcessor.Expand(bytes, new JsonLdOptions { SafeMode = true });
        var fromNode = JsonLdProcessor.Expand(JsonNode.Parse(bytes), new JsonLdOptions { SafeMode = true });
        JsonNode.DeepEquals(fromBytes, fromNode).Should().BeTrue();
    }

    [Fact]
    public void EddsaUnsignedVectorExpandsInSafeMode()
    {
        var doc = JsonNode.Parse(File.ReadAllText(EddsaUnsignedPath));
        var quads = JsonLdProcessor.ToRdf(doc, new JsonLdOptions { SafeMode = true });
        var nquads = NQuadsSerializer.Serialize(quads);
        nquads.Should().Contain("<did:example:abcdefgh> <https://www.w3.org/ns/credentials/examples#alumniOf> \"The School of Examples\" .");
        nquads.Should().Contain("<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#validFrom> \"2023-01-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .");
    }

    [Fact]
    public void EddsaVectorMatchesPublishedCanonicalForm()
    {
        // The vc-di-eddsa test vectors publish the canonical N-Quads of the unsigned credential; the document has
        // no blank nodes, so sorted N-Quads lines equal the canonical form.
        var canonical = Path.Combine(RdfTestPaths.SharedDir, "w3c", "vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "canonDocDataInt.txt");
        var doc = JsonNode.Parse(File.ReadAllText(EddsaUnsignedPath));
        var lines = JsonLdProcessor.ToRdf(doc, new JsonLdOptions { SafeMode = true })
            .Select(NQuadsSerializer.Serialize).Distinct().OrderBy(l => l, StringComparer.Ordinal);
        var expected = File.ReadAllText(canonical);
        string.Concat(lines).Should().Be(expected.EndsWith('\n') ? expected : expected + "\n");
    }
}

/// <summary>Shared processed contexts are immutable: concurrent documents give identical results.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void ConcurrentToRdfOfTheSameCredentialIsDeterministic()
    {
        var loader = VcService.LinkedData.JsonLd.Loading.BundledDocumentLoader.CreateWithBundledContexts();
        var bytes = File.ReadAllBytes(CredentialDocumentsTests.ElmSamplePath);
        var results = new string[16];
        Parallel.For(0, results.Length, i =>
        {
            var quads = JsonLdProcessor.ToRdf(bytes, new JsonLdOptions { SafeMode = true, DocumentLoader = loader });
            results[i] = NQuadsSerializer.Serialize(quads);
        });
        results.Distinct().Should().ContainSingle();
    }
}
