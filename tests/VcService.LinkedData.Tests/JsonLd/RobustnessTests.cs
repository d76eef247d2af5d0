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
