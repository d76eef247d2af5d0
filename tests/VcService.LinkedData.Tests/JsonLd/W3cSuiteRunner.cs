using System.Text.Json.Nodes;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Tests.JsonLd;

public enum W3cOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>Runs one W3C JSON-LD API test (expand or toRdf) the way the official runners do.</summary>
public static class W3cSuiteRunner
{
    /// <summary>Tests not run, each with its reason (STYLE §9).</summary>
    public static readonly IReadOnlyDictionary<string, string> Skipped = new Dictionary<string, string>
    {
        // Filled with individual known gaps; generic reasons are computed in SkipReason.
    };

    public static string? SkipReason(W3cTestCase test)
    {
        if (test.SpecVersion == JsonLdOptions.JsonLd10)
        {
            // Run with processingMode json-ld-1.0 these still differ (1.0 forbids relative @vocab, reports
            // "recursive context inclusion" and "list of lists", allows IRI-like terms to be redefined).
            return "json-ld-1.0 only: this processor implements json-ld-1.1 (1.0-specific errors/behaviour not implemented)";
        }
        if (test.ProduceGeneralizedRdf)
        {
            return "produceGeneralizedRdf: the expected output is generalized N-Quads (blank-node predicates), which the RDF 1.1 N-Quads parser rejects";
        }
        return Skipped.TryGetValue(test.Id, out var reason) ? reason : null;
    }

    public static (W3cOutcome Outcome, string Detail) Run(W3cTestCase test, bool toRdf)
    {
        if (SkipReason(test) is { } reason)
        {
            return (W3cOutcome.Skipped, reason);
        }
        var options = new JsonLdOptions
        {
            Base = test.Base ?? test.InputUrl,
            DocumentLoader = W3cTestDocumentLoader.Instance,
            ProcessingMode = test.ProcessingMode ?? JsonLdOptions.JsonLd11,
            RdfDirection = test.RdfDirection,
            ProduceGeneralizedRdf = test.ProduceGeneralizedRdf,
        };
        if (test.ExpandContext is not null)
        {
            options.ExpandContext = JsonNode.Parse(File.ReadAllText(Path.Combine(W3cTestDocumentLoader.SuiteDir, test.ExpandContext)));
        }
        try
        {
            JsonNode? input;
            try
            {
                input = JsonNode.Parse(File.ReadAllText(test.InputPath));
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, e.Message);
            }
            if (toRdf)
            {
                var quads = JsonLdProcessor.ToRdf(input, options);
                if (!test.Positive)
                {
                    return (W3cOutcome.Failed, $"expected error '{test.ExpectErrorCode}' but got {quads.Count} quads");
                }
                if (test.Syntax || test.ExpectPath is null)
                {
                    return (W3cOutcome.Passed, "");
                }
                var expected = NQuadsParser.Parse(File.ReadAllText(test.ExpectPath));
                return RdfIsomorphism.AreIsomorphic(expected, quads)
                    ? (W3cOutcome.Passed, "")
                    : (W3cOutcome.Failed, "expected:\n" + NQuadsSerializer.Serialize(expected) + "\nactual:\n" + NQuadsSerializer.Serialize(quads));
            }
            var expanded = JsonLdProcessor.Expand(input, options);
            if (!test.Positive)
            {
                return (W3cOutcome.Failed, $"expected error '{test.ExpectErrorCode}' but got {expanded.ToJsonString()}");
            }
            var expectedJson = JsonNode.Parse(File.ReadAllText(test.ExpectPath!));
            var ok = JsonLdSemanticEquality.AreEqual(
                VcService.LinkedData.JsonLd.JsonModel.FromNode(expectedJson, 1000),
                VcService.LinkedData.JsonLd.JsonModel.FromNode(expanded, 1000));
            return ok
                ? (W3cOutcome.Passed, "")
                : (W3cOutcome.Failed, "expected:\n" + expectedJson!.ToJsonString() + "\nactual:\n" + expanded.ToJsonString());
        }
        catch (JsonLdException e)
        {
            if (!test.Positive && e.Code == test.ExpectErrorCode)
            {
                return (W3cOutcome.Passed, "");
            }
            return (W3cOutcome.Failed, $"error '{e.Code}' ({e.Message}); expected {(test.Positive ? "success" : "'" + test.ExpectErrorCode + "'")}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (W3cOutcome.Failed, "crash: " + e);
        }
    }
}
