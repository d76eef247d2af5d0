using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.LinkedData.Canonicalization;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.JsonLd.ToRdf;
using VcService.LinkedData.Rdf;
using Xunit.Abstractions;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>
/// The fused walk (<see cref="DirectRdfBuilder"/>) against the full algorithms (expansion, node map, toRdf): wherever
/// the walk takes a document, its canonical form must be the full algorithms' byte for byte, and where the full
/// algorithms raise an error (or a safe-mode event) the walk must decline the document.
/// </summary>
public sealed class DirectRdfBuilderTests
{
    private readonly ITestOutputHelper _output;

    public DirectRdfBuilderTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> CredentialDocuments()
    {
        var root = RdfTestPaths.RepoRoot;
        yield return new object[] { CredentialDocumentsTests.ElmSamplePath };
        yield return new object[] { CredentialDocumentsTests.EddsaUnsignedPath };
        yield return new object[] { Path.Combine(root, "tests", "VcService.LinkedData.Tests", "JsonLd", "Fixtures", "ob3-credential.json") };
        yield return new object[] { Path.Combine(root, "tests", "VcService.LinkedData.Tests", "JsonLd", "Fixtures", "did-document.json") };
        foreach (var folder in new[] { "elm", "obv3" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, "samples", folder)).Order(StringComparer.Ordinal))
            {
                yield return new object[] { file };
            }
        }
    }

    [Theory]
    [MemberData(nameof(CredentialDocuments))]
    public void Credentials_take_the_fused_walk_and_canonicalize_as_the_full_algorithms(string path)
    {
        foreach (var safe in new[] { true, false })
        {
            var options = new JsonLdOptions { SafeMode = safe };
            var (taken, fused, full) = Compare(File.ReadAllText(path), options);
            taken.Should().BeTrue($"{Path.GetFileName(path)} (safe mode {safe}) is made of what the fused walk handles");
            fused.Should().Be(full);
        }
    }

    [Fact]
    public void A_node_embedded_twice_gives_its_triples_once_but_anonymous_children_twice()
    {
        // The organisation is embedded twice; its address has no @id, so the full algorithms make two blank nodes.
        const string document = """
            {
              "@context": { "@vocab": "https://example.org/" },
              "@id": "https://example.org/credential",
              "issuer": { "@id": "https://example.org/org", "name": "Org", "address": { "city": "Ghent" } },
              "awardedBy": { "@id": "https://example.org/org", "name": "Org", "address": { "city": "Ghent" } },
              "owner": { "@id": "https://example.org/org", "name": "Org", "legalName": "Org NV" }
            }
            """;
        var (taken, fused, full) = Compare(document, new JsonLdOptions { SafeMode = true });
        taken.Should().BeTrue();
        fused.Should().Be(full);
        full.Split('\n').Count(l => l.EndsWith("<https://example.org/city> \"Ghent\" .", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public void A_labelled_blank_node_embedded_twice_with_an_anonymous_child_canonicalizes_as_the_full_algorithms()
    {
        // Not remembered (its child is a fresh blank node), so its own triples come twice: RDFC-1.0 takes a set.
        const string document = """
            {
              "@context": { "@vocab": "https://example.org/" },
              "@id": "https://example.org/credential",
              "issuer": { "@id": "_:org", "name": "Org", "address": { "city": "Ghent" } },
              "awardedBy": { "@id": "_:org", "name": "Org", "address": { "city": "Ghent" } }
            }
            """;
        var (taken, fused, full) = Compare(document, new JsonLdOptions { SafeMode = true });
        taken.Should().BeTrue();
        fused.Should().Be(full);
    }

    [Fact]
    public void One_identifier_embedded_many_times_with_different_entries_gives_every_triple()
    {
        var items = string.Join(",", Enumerable.Range(0, 3000).Select(i =>
            $$"""{ "@id": "https://example.org/org", "name": "Org {{i % 1000}}" }"""));
        var document = $$"""{ "@context": { "@vocab": "https://example.org/" }, "@id": "https://example.org/c", "member": [{{items}}] }""";
        var (taken, fused, full) = Compare(document, new JsonLdOptions { SafeMode = true });
        taken.Should().BeTrue();
        fused.Should().Be(full);
        full.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1 + 1000);
    }

    [Fact]
    public void Documents_the_walk_does_not_handle_are_declined()
    {
        var declined = new[]
        {
            """{ "@context": { "@vocab": "https://example.org/" }, "p": { "@value": "x", "@language": "en" } }""",
            """{ "@context": { "@vocab": "https://example.org/" }, "@graph": [{ "p": "x" }] }""",
            """{ "@context": { "@vocab": "https://example.org/" }, "@reverse": { "p": { "@id": "https://example.org/a" } } }""",
            """{ "@context": { "@vocab": "https://example.org/", "p": { "@container": "@index" } }, "p": { "a": "x" } }""",
            """{ "@context": { "@vocab": "https://example.org/" }, "@id": "relative", "p": "x" }""",
            """{ "@context": { "p": "https://example.org/p" }, "p": "x", "dropped": "y" }""",
            """{ "@context": { "@vocab": "https://example.org/" }, "@id": "https://example.org/only-id" }""",
            """{ "@context": { "@vocab": "https://example.org/", "@direction": "rtl" }, "p": "x" }""",
        };
        foreach (var document in declined)
        {
            var model = JsonLdProcessor.ParseModel(System.Text.Encoding.UTF8.GetBytes(document), JsonLdLimits.Default);
            DirectRdfBuilder.TryToRdf(model, new JsonLdOptions { SafeMode = false }, new List<Quad>()).Should().BeFalse(document);
        }
    }

    /// <summary>Every input of the W3C expand and toRdf suites, with and without safe mode.</summary>
    [Fact]
    public void W3c_suite_inputs_canonicalize_as_the_full_algorithms_wherever_the_walk_takes_them()
    {
        int documents = 0, taken = 0;
        var mismatches = new List<string>();
        foreach (var manifest in new[] { "expand-manifest.jsonld", "toRdf-manifest.jsonld" })
        {
            foreach (var test in W3cManifest.Load(manifest))
            {
                string text;
                try
                {
                    text = File.ReadAllText(test.InputPath);
                    JsonNode.Parse(text);
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
                {
                    continue; // HTML and malformed inputs: nothing to compare
                }
                foreach (var safe in new[] { false, true })
                {
                    var options = new JsonLdOptions
                    {
                        Base = test.Base ?? test.InputUrl,
                        DocumentLoader = W3cTestDocumentLoader.Instance,
                        ProcessingMode = test.ProcessingMode ?? JsonLdOptions.JsonLd11,
                        RdfDirection = test.RdfDirection,
                        SafeMode = safe,
                    };
                    if (test.ExpandContext is not null)
                    {
                        options.ExpandContext = JsonNode.Parse(File.ReadAllText(Path.Combine(W3cTestDocumentLoader.SuiteDir, test.ExpandContext)));
                    }
                    documents++;
                    var (wasTaken, fused, full) = Compare(text, options);
                    if (!wasTaken)
                    {
                        continue;
                    }
                    taken++;
                    if (fused != full)
                    {
                        mismatches.Add($"{manifest} {test.Id} (safe mode {safe}):\nfull:\n{full}\nfused:\n{fused}");
                    }
                }
            }
        }
        _output.WriteLine($"{documents} runs, {taken} taken by the fused walk, {mismatches.Count} differ");
        mismatches.Should().BeEmpty();
        // The walk must actually be exercised by the suites, not decline everything.
        taken.Should().BeGreaterThan(250);
    }

    /// <summary>
    /// Credentials mutated at random (keys dropped, renamed to undefined terms or keywords, values made relative IRIs,
    /// numbers, booleans, nulls, value/list/set objects or nested arrays, nodes embedded again with or without changes,
    /// embedded contexts, identifiers added or removed), with and without safe mode: wherever the walk takes one, the
    /// canonical form is the full algorithms'; wherever they raise an error or a safe-mode event, the walk declines.
    /// </summary>
    [Fact]
    public void Mutated_credentials_canonicalize_as_the_full_algorithms_wherever_the_walk_takes_them()
    {
        var documents = CredentialDocuments().Select(d => File.ReadAllText((string)d[0])).ToList();
        var random = new Random(20261201);
        int runs = 0, taken = 0, declined = 0;
        var mismatches = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            var document = JsonNode.Parse(documents[i % documents.Count])!;
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                Mutate(document, random);
            }
            var json = document.ToJsonString();
            foreach (var safe in new[] { true, false })
            {
                runs++;
                var (wasTaken, fused, full) = Compare(json, new JsonLdOptions { SafeMode = safe });
                if (!wasTaken)
                {
                    declined++;
                    continue;
                }
                taken++;
                if (fused != full)
                {
                    mismatches.Add($"safe mode {safe}: {json}\nfull:\n{full}\nfused:\n{fused}");
                }
            }
        }
        _output.WriteLine($"{runs} runs, {taken} taken by the fused walk, {declined} declined, {mismatches.Count} differ");
        mismatches.Should().BeEmpty();
        taken.Should().BeGreaterThan(runs / 4, "most mutations keep a credential the walk handles");
        declined.Should().BeGreaterThan(runs / 10, "many mutations make something the walk must leave to the full algorithms");
    }

    private static readonly string[] KeyNames =
        ["undefinedTerm", "@foo", "ex:relative", "http://example.org/p", "@id", "@type", "@value", "@index", "@set", "@reverse", "@nest", "id", "type", "name"];

    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => "relative/path", _ => "_:b1", _ => "", _ => "urn:uuid:7d2a7f0e-0000-4000-8000-000000000001", _ => "http://example.org/x",
        _ => 1.5, _ => 1e21, _ => 42, _ => -0.0, _ => true, _ => null,
        _ => new JsonObject { ["@value"] = "x", ["@language"] = "en" }, _ => new JsonObject { ["@value"] = "x", ["@language"] = "not a tag" },
        _ => new JsonObject { ["@id"] = "urn:x" }, _ => new JsonObject { ["@list"] = new JsonArray(1, 2) },
        _ => new JsonObject { ["@set"] = new JsonArray("a") }, _ => new JsonArray(), _ => new JsonArray(new JsonArray(1)),
        _ => new JsonObject(), _ => new JsonObject { ["@context"] = new JsonObject { ["@vocab"] = "http://example.org/" }, ["p"] = "v" },
        _ => new JsonObject { ["@context"] = new JsonObject { ["q"] = new JsonObject { ["@id"] = "http://example.org/q", ["@type"] = "@id" } }, ["q"] = "rel" },
        _ => new JsonObject { ["type"] = "UnknownType", ["name"] = "n" }, r => new JsonObject { ["id"] = "https://example.org/n" + r.Next(3), ["name"] = "n" + r.Next(2) },
    ];

    private static void Mutate(JsonNode document, Random random)
    {
        var objects = new List<JsonObject>();
        Collect(document, objects);
        var target = objects[random.Next(objects.Count)];
        var keys = target.Select(p => p.Key).Where(k => k != "@context").ToList();
        switch (random.Next(6))
        {
            case 0 when keys.Count > 0:
                target.Remove(keys[random.Next(keys.Count)]);
                break;
            case 1 when keys.Count > 0:
            {
                var key = keys[random.Next(keys.Count)];
                var value = target[key];
                target.Remove(key);
                target[KeyNames[random.Next(KeyNames.Length)]] = value?.DeepClone();
                break;
            }
            case 2 when keys.Count > 0:
                target[keys[random.Next(keys.Count)]] = Values[random.Next(Values.Length)](random);
                break;
            case 3:
            {
                // Embed a node again elsewhere, as it is or changed.
                var node = objects[random.Next(objects.Count)].DeepClone().AsObject();
                node.Remove("@context");
                if (random.Next(2) == 0 && node.Count > 0)
                {
                    node[node.First().Key] = Values[random.Next(Values.Length)](random);
                }
                target[keys.Count > 0 && random.Next(2) == 0 ? keys[random.Next(keys.Count)] : "name"] = node;
                break;
            }
            case 4:
                target["id"] = random.Next(3) switch { 0 => "https://example.org/node", 1 => "_:x", _ => "relative" };
                break;
            default:
                target.Remove("id");
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        switch (node)
        {
            case JsonObject obj:
                objects.Add(obj);
                foreach (var (key, value) in obj)
                {
                    if (key != "@context")
                    {
                        Collect(value, objects);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, objects);
                }
                break;
        }
    }

    /// <summary>
    /// Canonical form through the fused walk (when taken) and through the full algorithms (or the error they raise,
    /// as "error: code").
    /// </summary>
    private static (bool Taken, string? Fused, string Full) Compare(string json, JsonLdOptions options)
    {
        string full;
        try
        {
            var model = JsonModel.FromNode(JsonNode.Parse(json), options.Limits.MaxDepth);
            full = Rdfc10Canonicalizer.Canonicalize(JsonLdProcessor.ToRdfFromModel(model, options)).CanonicalNQuads;
        }
        catch (JsonLdException e)
        {
            full = "error: " + e.Code;
        }
        catch (RdfcWorkLimitExceededException)
        {
            full = "error: work limit";
        }
        var quads = new List<Quad>();
        if (!DirectRdfBuilder.TryToRdf(JsonModel.FromNode(JsonNode.Parse(json), options.Limits.MaxDepth), options, quads))
        {
            return (false, null, full);
        }
        try
        {
            return (true, Rdfc10Canonicalizer.Canonicalize(quads).CanonicalNQuads, full);
        }
        catch (RdfcWorkLimitExceededException)
        {
            return (true, "error: work limit", full);
        }
    }
}
