using FluentAssertions;
using Xunit.Abstractions;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>The W3C JSON-LD 1.1 API test suite (expand and toRdf manifests) as xUnit theories.</summary>
public sealed class W3cManifestTests
{
    private static readonly Lazy<IReadOnlyList<W3cTestCase>> ExpandTests = new(() => W3cManifest.Load("expand-manifest.jsonld"));
    private static readonly Lazy<IReadOnlyList<W3cTestCase>> ToRdfTests = new(() => W3cManifest.Load("toRdf-manifest.jsonld"));

    private readonly ITestOutputHelper _output;

    public W3cManifestTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> ExpandIds() => ExpandTests.Value.Select(t => new object[] { t.Id });

    public static IEnumerable<object[]> ToRdfIds() => ToRdfTests.Value.Select(t => new object[] { t.Id });

    [Theory]
    [MemberData(nameof(ExpandIds))]
    public void Expand(string id) => Check(ExpandTests.Value.Single(t => t.Id == id), toRdf: false);

    [Theory]
    [MemberData(nameof(ToRdfIds))]
    public void ToRdf(string id) => Check(ToRdfTests.Value.Single(t => t.Id == id), toRdf: true);

    [Fact]
    public void ExpandSuitePassRate() => Summarize("expand", ExpandTests.Value, toRdf: false);

    [Fact]
    public void ToRdfSuitePassRate() => Summarize("toRdf", ToRdfTests.Value, toRdf: true);

    private void Check(W3cTestCase test, bool toRdf)
    {
        var (outcome, detail) = W3cSuiteRunner.Run(test, toRdf);
        if (outcome == W3cOutcome.Skipped)
        {
            _output.WriteLine($"skipped: {detail}");
            return;
        }
        outcome.Should().Be(W3cOutcome.Passed, $"{test.Id} {test.Name}: {detail}");
    }

    private void Summarize(string suite, IReadOnlyList<W3cTestCase> tests, bool toRdf)
    {
        int run = 0, passed = 0, skipped = 0;
        var failures = new List<string>();
        var skippedList = new List<string>();
        foreach (var test in tests)
        {
            var (outcome, detail) = W3cSuiteRunner.Run(test, toRdf);
            switch (outcome)
            {
                case W3cOutcome.Skipped:
                    skipped++;
                    skippedList.Add($"{test.Id} {test.Name}: {detail}");
                    break;
                case W3cOutcome.Passed:
                    run++;
                    passed++;
                    break;
                default:
                    run++;
                    failures.Add($"{test.Id} {test.Name}: {detail.Split('\n')[0]}");
                    break;
            }
        }
        _output.WriteLine($"{suite}: {run} run, {passed} passed, {skipped} skipped");
        foreach (var s in skippedList)
        {
            _output.WriteLine("SKIPPED " + s);
        }
        foreach (var f in failures)
        {
            _output.WriteLine("FAILED " + f);
        }
        ((double)passed / run).Should().BeGreaterOrEqualTo(0.98, $"{suite}: {run} run, {passed} passed, {skipped} skipped");
    }
}
