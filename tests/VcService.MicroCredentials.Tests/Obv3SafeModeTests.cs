using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.JsonLd.Loading;

namespace VcService.MicroCredentials.Tests;

/// <summary>
/// Every obv3 rendering expands and converts to RDF with our JSON-LD processor in safe mode over the
/// bundled contexts (as the rdfc Data Integrity suites canonicalize): no dropped term, no relative IRI.
/// </summary>
public class Obv3SafeModeTests
{
    private static JsonLdOptions Safe() => new() { SafeMode = true, DocumentLoader = BundledDocumentLoader.Default };

    public static TheoryData<string> Renderings()
    {
        var data = new TheoryData<string>();
        foreach (var f in TestData.SampleFiles) data.Add(Path.GetFileName(f));
        data.Add("full");
        return data;
    }

    private static JsonObject Render(string name) => name == "full"
        ? Obv3Renderer.Render(Obv3TestData.Full(), TestData.Issuer, Obv3TestData.Options)
        : Obv3TestData.Render(name);

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Expands_in_safe_mode_with_every_property_kept(string name)
    {
        var vc = Render(name);
        var expanded = JsonLdProcessor.Expand(Obv3TestData.Reparse(vc), Safe());
        expanded.Should().HaveCount(1);
        var root = expanded[0]!.AsObject();
        root["@type"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Contain("https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential");

        // Every JSON member (other than @context) appears as an expanded property: same count of
        // properties per node, walked in parallel (safe mode already fails on a dropped term).
        CountProperties(vc).Should().Be(CountExpandedProperties(root), "no member of the credential may be dropped");

        var json = expanded.ToJsonString();
        json.Should().NotContain("issuer-dependent#", "no term may fall back to an undefined-term vocabulary");
        foreach (var iri in Iris(expanded))
            iri.Should().MatchRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:", $"{iri} must be absolute");
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Converts_to_rdf_in_safe_mode(string name)
    {
        var quads = JsonLdProcessor.ToRdf(Obv3TestData.Reparse(Render(name)), Safe());
        quads.Should().NotBeEmpty();
        var nquads = VcService.LinkedData.Rdf.NQuadsSerializer.Serialize(quads);
        nquads.Should().Contain("https://w3id.org/vcservice/annex-i#awardingBody");
        nquads.Should().Contain("https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType");
    }

    [Fact]
    public void An_undefined_term_is_rejected_in_safe_mode()
    {
        // The control: the test above could not fail if safe mode let unknown terms through.
        var vc = Obv3TestData.Render("mc-ects-eqf.json");
        vc["credentialSubject"]!["achievement"]!["notAnAnnexITerm"] = "x";
        var act = () => JsonLdProcessor.Expand(vc, Safe());
        act.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.SafeModeValidationError);
    }

    [Fact]
    public void Extension_terms_outside_their_extension_type_are_rejected()
    {
        // Terms are type-scoped: an achievement without the AnnexIAchievement type does not define them.
        var vc = Obv3TestData.Render("mc-ects-eqf.json");
        vc["credentialSubject"]!["achievement"]!["type"] = new JsonArray("Achievement");
        var act = () => JsonLdProcessor.Expand(vc, Safe());
        act.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.SafeModeValidationError);
    }

    [Fact]
    public void The_extension_context_is_bundled_and_protected()
    {
        BundledDocumentLoader.Default.TryGetJson(Obv3Vocabulary.AnnexIContext, out var json).Should().BeTrue();
        var ctx = JsonNode.Parse(json)!["@context"]!.AsObject();
        ctx["@protected"]!.GetValue<bool>().Should().BeTrue();
        ctx["@version"]!.GetValue<double>().Should().Be(1.1);
        foreach (var type in new[] { Obv3Vocabulary.AnnexIProfile, Obv3Vocabulary.AnnexISubject, Obv3Vocabulary.AnnexIAchievement })
        {
            ctx[type]!["@id"]!.GetValue<string>().Should().Be(Obv3Vocabulary.AnnexIVocabulary + type);
            ctx[type]!["@context"]!["@protected"]!.GetValue<bool>().Should().BeTrue();
        }
        // Every term IRI of ours is in our vocabulary (or schema.org for the learner's names).
        foreach (var id in Walk(ctx).SelectMany(o => o).Where(kv => kv.Key == "@id").Select(kv => kv.Value!.GetValue<string>()))
            id.Should().Match(i => i.StartsWith(Obv3Vocabulary.AnnexIVocabulary, StringComparison.Ordinal) || i.StartsWith("https://schema.org/", StringComparison.Ordinal) || i == "@id" || i == "@type");
    }

    [Fact]
    public void A_context_redefining_an_extension_term_is_rejected()
    {
        var vc = Obv3TestData.Render("mc-ects-eqf.json");
        vc["@context"]!.AsArray().Add(new JsonObject { ["AnnexIAchievement"] = "https://example.org/other#AnnexIAchievement" });
        var act = () => JsonLdProcessor.Expand(vc, Safe());
        act.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.ProtectedTermRedefinition);
    }

    private static int CountProperties(JsonNode? n) => n switch
    {
        JsonObject o => o.Count(kv => kv.Key != "@context" && kv.Key != "id" && kv.Key != "type")
            + o.Where(kv => kv.Key != "@context" && !IsLanguageMap(kv.Key)).Sum(kv => CountProperties(kv.Value)),
        JsonArray a => a.Sum(CountProperties),
        _ => 0,
    };

    /// <summary>Language-map members hold strings, not nodes: their entries are values of one property.</summary>
    private static bool IsLanguageMap(string key) => key is "title" or "grade" or "legalName" or "text" or "body" or "towards"
        or "prerequisites" or "furtherInformation" or "assessmentDescription" or "participationDescription";

    private static int CountExpandedProperties(JsonNode? n) => n switch
    {
        JsonObject o when o.ContainsKey("@value") => 0,
        JsonObject o => o.Count(kv => kv.Key != "@id" && kv.Key != "@type")
            + o.Where(kv => !LanguageValues(kv.Value)).Sum(kv => CountExpandedProperties(kv.Value)),
        JsonArray a => a.Sum(CountExpandedProperties),
        _ => 0,
    };

    private static bool LanguageValues(JsonNode? n) => n is JsonArray a && a.All(v => v is JsonObject o && o.ContainsKey("@language"));

    private static IEnumerable<string> Iris(JsonNode? n)
    {
        if (n is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                if (!k.StartsWith('@')) yield return k;
                if (k == "@id" && v is JsonValue id) yield return id.GetValue<string>();
                if (k == "@type" && v is JsonArray types) foreach (var t in types) yield return t!.GetValue<string>();
                if (k == "@type" && v is JsonValue t1) yield return t1.GetValue<string>();
                if (k != "@value") foreach (var x in Iris(v)) yield return x;
            }
        }
        else if (n is JsonArray a)
        {
            foreach (var v in a) foreach (var x in Iris(v)) yield return x;
        }
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? n)
    {
        if (n is JsonObject o) { yield return o; foreach (var (_, v) in o) foreach (var x in Walk(v)) yield return x; }
        else if (n is JsonArray a) foreach (var v in a) foreach (var x in Walk(v)) yield return x;
    }
}
