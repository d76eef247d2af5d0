using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.LinkedData.JsonLd;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>Bad input yields <see cref="JsonLdException"/>, never another exception (COMMON: never crash).</summary>
public sealed class RobustnessTests
{
    private static readonly JsonNode?[] Pool =
    [
        null, 1, 1.5, true, "", "@id", "@type", "@value", "@list", "_:b", "http://x/", "rel", "@json", "@none",
        new JsonArray(), new JsonObject(), new JsonObject { ["@id"] = "x" }, new JsonArray("a", 1), new JsonObject { ["@value"] = "v" },
    ];

    [Fact]
    public void ValueInGraphContainerDoesNotCrash()
    {
        // Found by fuzzing: a scalar in a @graph container expands to a graph object holding a value object.
        var doc = JsonNode.Parse("""{"@context": {"@vocab": "http://example.org/", "input": {"@container": "@graph"}}, "input": ["@type", {"@graph": {"value": "y"}}]}""");
        JsonLdProcessor.ToRdf(doc, new JsonLdOptions()).Should().NotBeEmpty();
        var act = () => JsonLdProcessor.ToRdf(doc, new JsonLdOptions { SafeMode = true });
        act.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.SafeModeValidationError);
    }

    /// <summary>Documents JSON can carry but JSON-LD cannot represent: a lone surrogate, a number beyond double range.</summary>
    public static TheoryData<string> UnrepresentableDocuments() =>
    [
        """{"@context": {"@vocab": "http://e/"}, "a": "\ud800"}""",
        """{"@context": {"@vocab": "http://e/"}, "a": "x\udc00y"}""",
        """{"@context": {"@vocab": "http://e/"}, "\ud800": "key with a lone surrogate"}""",
        """{"@context": {"@vocab": "http://e/"}, "a": 1e400}""",
        """{"@context": {"@vocab": "http://e/"}, "a": -1e400}""",
        """{"@context": {"@vocab": "http://e/"}, "a": {"@value": 1e309, "@type": "http://www.w3.org/2001/XMLSchema#double"}}""",
    ];

    [Theory]
    [MemberData(nameof(UnrepresentableDocuments))]
    public void UnrepresentableValuesRaiseJsonLdExceptionFromUtf8(string json)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        foreach (var safe in new[] { false, true })
        {
            var options = new JsonLdOptions { SafeMode = safe };
            FluentActions.Invoking(() => JsonLdProcessor.Expand(utf8, options)).Should().Throw<JsonLdException>();
            FluentActions.Invoking(() => JsonLdProcessor.ToRdf(utf8, options)).Should().Throw<JsonLdException>();
            FluentActions.Invoking(() => VcService.LinkedData.Canonicalization.JsonLdCanonicalizer.Canonicalize(utf8, options))
                .Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.InvalidJson);
        }
    }

    [Theory]
    [MemberData(nameof(UnrepresentableDocuments))]
    public void UnrepresentableValuesRaiseJsonLdExceptionFromJsonNode(string json)
    {
        var document = JsonNode.Parse(json)!;
        foreach (var safe in new[] { false, true })
        {
            var options = new JsonLdOptions { SafeMode = safe };
            FluentActions.Invoking(() => JsonLdProcessor.Expand(document, options)).Should().Throw<JsonLdException>();
            FluentActions.Invoking(() => JsonLdProcessor.ToRdf(document, options)).Should().Throw<JsonLdException>();
            FluentActions.Invoking(() => VcService.LinkedData.Canonicalization.JsonLdCanonicalizer.Canonicalize(document, options))
                .Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.InvalidJson);
        }
    }

    [Fact]
    public void NonFiniteNumbersBuiltInMemoryRaiseJsonLdException()
    {
        foreach (var number in new[] { double.PositiveInfinity, double.NegativeInfinity, double.NaN })
        {
            var document = new JsonObject { ["@context"] = new JsonObject { ["@vocab"] = "http://e/" }, ["a"] = JsonValue.Create(number) };
            FluentActions.Invoking(() => JsonLdProcessor.ToRdf(document, new JsonLdOptions()))
                .Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.InvalidJson);
        }
    }

    [Fact]
    public void LargeFiniteNumbersStillConvert()
    {
        // The edge of the double range is representable: canonical xsd:double as jsonld.js writes it.
        var quads = JsonLdProcessor.ToRdf("""{"@context": {"@vocab": "http://e/"}, "a": 1.7976931348623157e308}"""u8, new JsonLdOptions());
        quads.Should().ContainSingle().Which.Object.Value.Should().Be("1.797693134862316E308");
    }

    [Fact]
    public void InvalidUtf8InKeysAndValuesRaisesJsonLdException()
    {
        foreach (var (prefix, suffix) in new[] { ("{\"@context\": {\"@vocab\": \"http://e/\"}, \"k", "\": \"v\"}"), ("{\"@context\": {\"@vocab\": \"http://e/\"}, \"k\": \"v", "\"}") })
        {
            byte[] utf8 = [.. System.Text.Encoding.UTF8.GetBytes(prefix), 0xC3, 0x28, .. System.Text.Encoding.UTF8.GetBytes(suffix)];
            FluentActions.Invoking(() => JsonLdProcessor.ToRdf(utf8, new JsonLdOptions())).Should().Throw<JsonLdException>();
        }
    }

    [Fact]
    public void ManyDistinctKeysAreAllRead()
    {
        // More keys than the reader's per-thread name table holds: the ones past its bound are read as usual.
        var json = new System.Text.StringBuilder("{\"@context\": {\"@vocab\": \"http://e/\"}, \"@id\": \"http://e/s\"");
        for (var i = 0; i < 5000; i++)
        {
            json.Append(System.Globalization.CultureInfo.InvariantCulture, $", \"key{i}\": {i}");
        }
        json.Append('}');
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json.ToString());
        for (var run = 0; run < 2; run++)
        {
            var quads = JsonLdProcessor.ToRdf(utf8, new JsonLdOptions());
            quads.Should().HaveCount(5000);
            quads.Should().Contain(q => q.Predicate.Value == "http://e/key4999" && q.Object.Value == "4999");
        }
    }

    [Fact]
    public void MutatedW3cInputsOnlyRaiseJsonLdExceptions()
    {
        var random = new Random(20261122);
        var files = Directory.GetFiles(Path.Combine(W3cTestDocumentLoader.SuiteDir, "expand"), "*-in.jsonld").Order().ToArray();
        var failures = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            for (var k = 0; k < 8; k++)
            {
                var doc = JsonNode.Parse(text);
                Mutate(doc, random, 3);
                foreach (var safe in new[] { false, true })
                {
                    try
                    {
                        JsonLdProcessor.ToRdf(doc?.DeepClone(), new JsonLdOptions
                        {
                            SafeMode = safe,
                            DocumentLoader = W3cTestDocumentLoader.Instance,
                            Base = W3cTestDocumentLoader.BaseUrl + "expand/x.jsonld",
                        });
                    }
                    catch (JsonLdException)
                    {
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        failures.Add($"{Path.GetFileName(file)}: {doc?.ToJsonString()} -> {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }
        failures.Should().BeEmpty();
    }

    private static void Mutate(JsonNode? node, Random random, int depth)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(kv => kv.Key).ToList())
            {
                var r = random.Next(12);
                if (r == 0)
                {
                    obj[key] = Pool[random.Next(Pool.Length)]?.DeepClone();
                }
                else if (r == 1)
                {
                    obj.Remove(key);
                }
                else if (depth > 0)
                {
                    Mutate(obj[key], random, depth - 1);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (random.Next(10) == 0)
                {
                    array[i] = Pool[random.Next(Pool.Length)]?.DeepClone();
                }
                else if (depth > 0)
                {
                    Mutate(array[i], random, depth - 1);
                }
            }
        }
    }
}
