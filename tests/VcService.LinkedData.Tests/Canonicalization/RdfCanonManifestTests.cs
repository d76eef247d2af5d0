using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;
using VcService.LinkedData.Canonicalization;
using VcService.LinkedData.Rdf;
using Xunit.Abstractions;

namespace VcService.LinkedData.Tests.Canonicalization;

/// <summary>The W3C RDFC-1.0 test suite (https://w3c.github.io/rdf-canon/tests/), driven by its manifest.</summary>
public class RdfCanonManifestTests(ITestOutputHelper output)
{
    private static readonly string SuiteDir = Path.Combine(RdfTestPaths.SharedDir, "w3c", "rdf-canon");

    public sealed record Entry(string Id, string Type, string Name, string Complexity, string Action, string? Result, string? HashAlgorithm)
    {
        public override string ToString() => $"{Id} {Name}";
    }

    private static readonly Lazy<IReadOnlyList<Entry>> Entries = new(LoadManifest);

    public static IEnumerable<object[]> Tests => Entries.Value.Select(e => new object[] { e.Id });

    [Fact]
    public void Manifest_has_86_tests_of_the_three_kinds()
    {
        var entries = Entries.Value;
        output.WriteLine($"eval={entries.Count(e => e.Type == "rdfc:RDFC10EvalTest")} map={entries.Count(e => e.Type == "rdfc:RDFC10MapTest")} negative={entries.Count(e => e.Type == "rdfc:RDFC10NegativeEvalTest")}");
        entries.Should().HaveCount(86);
    }

    [Fact]
    public void Whole_suite_summary()
    {
        int passed = 0;
        var failed = new List<string>();
        foreach (var entry in Entries.Value)
        {
            try
            {
                Run(entry);
                passed++;
            }
            catch (Exception e)
            {
                failed.Add($"{entry}: {e.Message}");
            }
        }
        output.WriteLine($"RDFC-1.0 W3C suite: {passed} passed, {failed.Count} failed, 0 skipped of {Entries.Value.Count}");
        failed.ForEach(output.WriteLine);
        failed.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public void Rdfc10(string id) => Run(Entries.Value.Single(e => e.Id == id));

    private static void Run(Entry entry)
    {
        var dataset = NQuadsParser.Parse(File.ReadAllText(Path.Combine(SuiteDir, entry.Action)));
        var options = new Rdfc10Options
        {
            HashAlgorithm = entry.HashAlgorithm == "SHA384" ? Rdfc10HashAlgorithm.Sha384 : Rdfc10HashAlgorithm.Sha256,
        };

        switch (entry.Type)
        {
            case "rdfc:RDFC10EvalTest":
            {
                var result = Rdfc10Canonicalizer.Canonicalize(dataset, options);
                result.CanonicalNQuads.Should().Be(File.ReadAllText(Path.Combine(SuiteDir, entry.Result!)));
                NQuadsSerializer.Serialize(result.CanonicalQuads).Should().Be(result.CanonicalNQuads);
                break;
            }
            case "rdfc:RDFC10MapTest":
            {
                var result = Rdfc10Canonicalizer.Canonicalize(dataset, options);
                var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(SuiteDir, entry.Result!)))!;
                result.IssuedIdentifiers.Should().BeEquivalentTo(expected);
                break;
            }
            case "rdfc:RDFC10NegativeEvalTest":
            {
                // The work limit, not a timer, bounds the effort: the poisoned dataset is refused with a typed error.
                var act = () => Rdfc10Canonicalizer.Canonicalize(dataset, options);
                act.Should().Throw<RdfcWorkLimitExceededException>();
                break;
            }
            default:
                throw new InvalidOperationException($"unknown test type {entry.Type}");
        }
    }

    private static IReadOnlyList<Entry> LoadManifest()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SuiteDir, "manifest.jsonld")));
        return doc.RootElement.GetProperty("entries").EnumerateArray().Select(e => new Entry(
            e.GetProperty("id").GetString()!,
            e.GetProperty("type").GetString()!,
            e.GetProperty("name").GetString()!,
            e.GetProperty("computationalComplexity").GetString()!,
            e.GetProperty("action").GetString()!,
            e.TryGetProperty("result", out var r) ? r.GetString() : null,
            e.TryGetProperty("hashAlgorithm", out var h) ? h.GetString() : null)).ToList();
    }
}
