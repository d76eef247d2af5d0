using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.JsonLd.Context;
using VcService.LinkedData.JsonLd.Loading;
using VcService.LinkedData.JsonLd.ToRdf;

namespace VcService.LinkedData.Tests.JsonLd;

public sealed class LoaderLimitsAndCacheTests
{
    [Fact]
    public void EveryBundledContextLoadsAndProcesses()
    {
        var loader = BundledDocumentLoader.Default;
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(RdfTestPaths.SharedDir, "contexts", "index.json")))!.AsObject();
        // The shared contexts plus the ones this project publishes itself.
        string[] ownContexts = ["https://w3id.org/vcservice/annex-i/v1"];
        loader.Urls.Should().BeEquivalentTo(index.Select(kv => kv.Key).Concat(ownContexts));
        foreach (var url in loader.Urls)
        {
            var doc = JsonNode.Parse($$"""{"@context": "{{url}}", "@id": "urn:x", "urn:p": "v"}""");
            if (url == "https://www.w3.org/2018/credentials/examples/v1")
            {
                // Its @context array references https://www.w3.org/ns/odrl.jsonld, which /work/shared/contexts
                // does not provide: the loader must fail cleanly, naming it.
                var act = () => JsonLdProcessor.Expand(doc, new JsonLdOptions());
                act.Should().Throw<JsonLdException>().Which.Message.Should().Contain("https://www.w3.org/ns/odrl.jsonld");
                continue;
            }
            JsonLdProcessor.Expand(doc, new JsonLdOptions()).Should().HaveCount(1, url);
        }
    }

    [Fact]
    public void UnknownContextUrlFailsWithoutNetwork()
    {
        var doc = JsonNode.Parse("""{"@context": "https://example.com/contexts/unknown.jsonld", "@id": "urn:x"}""");
        var act = () => JsonLdProcessor.Expand(doc, new JsonLdOptions());
        var e = act.Should().Throw<JsonLdException>().Which;
        e.Code.Should().Be(JsonLdErrorCode.LoadingRemoteContextFailed);
        e.Message.Should().Contain("https://example.com/contexts/unknown.jsonld").And.Contain("network loading is disabled");
    }

    [Fact]
    public void OperatorCanAddDocumentsAndDirectories()
    {
        var loader = new BundledDocumentLoader();
        loader.AddDocument("https://example.com/ctx", """{"@context": {"name": "https://schema.org/name"}}""");
        var doc = JsonNode.Parse("""{"@context": "https://example.com/ctx", "@id": "urn:x", "name": "Ada"}""");
        JsonLdProcessor.Expand(doc, new JsonLdOptions { DocumentLoader = loader }).ToJsonString()
            .Should().Contain("https://schema.org/name");

        var dir = Directory.CreateTempSubdirectory("ctx");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.jsonld"), """{"@context": {"title": "https://schema.org/title"}}""");
            File.WriteAllText(Path.Combine(dir.FullName, "index.json"), """{"https://example.com/a": "a.jsonld"}""");
            loader.AddDirectory(dir.FullName);
            loader.Urls.Should().Contain("https://example.com/a");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
        var bad = () => loader.AddDocument("https://example.com/bad", "{not json");
        bad.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ProcessedContextsAreCachedPerProcess()
    {
        var loader = BundledDocumentLoader.CreateWithBundledContexts();
        var options = new JsonLdOptions { DocumentLoader = loader, SafeMode = true };
        var doc = JsonNode.Parse(File.ReadAllText(CredentialDocumentsTests.ElmSamplePath));
        JsonLdProcessor.Expand(doc, options);
        var cache = ContextCache.For(loader);
        var documents = cache.Documents.Count;
        var results = cache.Results.Count;
        documents.Should().Be(2, "the VC 1.1 and edc-ap contexts are dereferenced once");

        JsonLdProcessor.Expand(doc, options);
        cache.Documents.Count.Should().Be(documents);
        cache.Results.Count.Should().Be(results, "expanding the same credential again re-uses every processed context");

        var processor = new ContextProcessor(options);
        var contexts = new List<object?> { "https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap" };
        var first = processor.Process(processor.Initial(null), contexts, null);
        var second = new ContextProcessor(options).Process(new ContextProcessor(options).Initial(null), contexts, null);
        second.Should().BeSameAs(first);
    }

    [Fact]
    public void AddingADocumentInvalidatesTheCache()
    {
        var loader = new BundledDocumentLoader();
        loader.AddDocument("https://example.com/ctx", """{"@context": {"name": "https://schema.org/name"}}""");
        var doc = JsonNode.Parse("""{"@context": "https://example.com/ctx", "@id": "urn:x", "name": "Ada"}""");
        JsonLdProcessor.Expand(doc, new JsonLdOptions { DocumentLoader = loader });
        loader.AddDocument("https://example.com/ctx", """{"@context": {"name": "https://example.org/name"}}""");
        JsonLdProcessor.Expand(doc, new JsonLdOptions { DocumentLoader = loader }).ToJsonString().Should().Contain("https://example.org/name");
    }

    [Fact]
    public void DocumentSizeLimit()
    {
        var limits = new JsonLdLimits { MaxDocumentBytes = 100 };
        var big = "{\"a\": \"" + new string('x', 200) + "\"}";
        var act = () => JsonLdProcessor.ParseDocument(big, limits);
        var e = act.Should().Throw<JsonLdException>().Which;
        e.Code.Should().Be(JsonLdErrorCode.DocumentTooLarge);
        e.Message.Should().Contain("MaxDocumentBytes");
        var act2 = () => JsonLdProcessor.ToRdf(Encoding.UTF8.GetBytes(big), new JsonLdOptions { Limits = limits });
        act2.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.DocumentTooLarge);
    }

    [Fact]
    public void DocumentDepthLimit()
    {
        var limits = new JsonLdLimits { MaxDepth = 10 };
        var deep = new string('[', 20) + new string(']', 20);
        var act = () => JsonLdProcessor.ParseDocument(deep, limits);
        var e = act.Should().Throw<JsonLdException>().Which;
        e.Code.Should().Be(JsonLdErrorCode.DocumentTooDeep);
        e.Message.Should().Contain("MaxDepth");
        JsonLdProcessor.ParseDocument(new string('[', 5) + new string(']', 5), limits).Should().NotBeNull();

        var node = JsonNode.Parse("{\"urn:p\": " + new string('[', 20) + new string(']', 20) + "}");
        var act2 = () => JsonLdProcessor.Expand(node, new JsonLdOptions { Limits = limits });
        act2.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.DocumentTooDeep);
    }

    [Fact]
    public void MalformedJsonIsATypedError()
    {
        var act = () => JsonLdProcessor.ParseDocument("{\"a\": ", JsonLdLimits.Default);
        act.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.InvalidJson);
    }

    [Fact]
    public void RecursiveRemoteContextsOverflow()
    {
        var loader = new BundledDocumentLoader();
        loader.AddDocument("https://example.com/a", """{"@context": "https://example.com/b"}""");
        loader.AddDocument("https://example.com/b", """{"@context": "https://example.com/a"}""");
        var doc = JsonNode.Parse("""{"@context": "https://example.com/a", "@id": "urn:x"}""");
        var act = () => JsonLdProcessor.Expand(doc, new JsonLdOptions { DocumentLoader = loader });
        var e = act.Should().Throw<JsonLdException>().Which;
        e.Code.Should().Be(JsonLdErrorCode.ContextOverflow);
        e.Message.Should().Contain("MaxRemoteContexts");
    }

    [Theory]
    [InlineData(1.1, "1.1E0")]
    [InlineData(0.5, "5.0E-1")]
    [InlineData(-123.456, "-1.23456E2")]
    [InlineData(1e21, "1.0E21")]
    [InlineData(5.0, "5.0E0")]
    public void CanonicalXsdDouble(double value, string expected) => RdfSerializer.FormatDouble(value).Should().Be(expected);

    [Theory]
    [InlineData("""{"b": [1e30, 0.000001, 1E-7, 100, -0.0], "a": "\u00e9\n"}""", "{\"a\":\"é\\n\",\"b\":[1e+30,0.000001,1e-7,100,0]}")]
    [InlineData("""[56, {"d": true, "10": null, "1": []}]""", "[56,{\"1\":[],\"10\":null,\"d\":true}]")]
    public void JsonLiteralsUseJcs(string json, string expected)
    {
        var model = VcService.LinkedData.JsonLd.JsonModel.FromNode(JsonNode.Parse(json), 64);
        VcService.LinkedData.JsonLd.JsonCanonicalizer.Canonicalize(model).Should().Be(expected);
    }
}

public sealed class RawInputLimitTests
{
    [Fact]
    public void ToRdfFromBytesEnforcesDepth()
    {
        var deep = System.Text.Encoding.UTF8.GetBytes("{\"urn:p\": " + new string('[', 20) + new string(']', 20) + "}");
        var act = () => JsonLdProcessor.ToRdf(deep, new JsonLdOptions { Limits = new JsonLdLimits { MaxDepth = 10 } });
        act.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.DocumentTooDeep);
    }

    [Theory]
    [InlineData("{\"a\": ")]
    [InlineData("{} {}")]
    [InlineData("")]
    public void ToRdfFromBytesRejectsMalformedJson(string json)
    {
        var act = () => JsonLdProcessor.ToRdf(System.Text.Encoding.UTF8.GetBytes(json), new JsonLdOptions());
        act.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.InvalidJson);
    }
}
