using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.MicroCredentials.Tests;

public class ElmRendererTests
{
    private static JsonObject Render(string sample) => ElmRenderer.Render(TestData.Record(sample), TestData.Issuer, TestData.Options);

    private static string S(JsonNode? n) => n!.GetValue<string>();

    [Fact]
    public void Envelope_is_vc_1_1_european_digital_credential()
    {
        var vc = Render("mc-ects-eqf.json");
        vc["@context"]!.AsArray().Select(S).Should().Equal("https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap");
        vc["type"]!.AsArray().Select(S).Should().Equal("VerifiableCredential", "EuropeanDigitalCredential");
        S(vc["id"]).Should().Be(TestData.Options.CredentialId);
        S(vc["credentialProfiles"]!["id"]).Should().Be("http://data.europa.eu/snb/credential/e34929035b");
        S(vc["credentialSchema"]!["type"]).Should().Be("ShaclValidator2017");
    }

    [Fact]
    public void Dates_are_utc_seconds_with_z()
    {
        var vc = Render("mc-ects-eqf.json");
        S(vc["issuanceDate"]).Should().Be("2025-07-16T07:30:15Z");
        S(vc["issued"]).Should().Be("2025-07-16T07:30:15Z");
        S(vc["validFrom"]).Should().Be("2025-07-16T07:30:15Z");
        S(vc["expirationDate"]).Should().Be("2030-07-16T00:00:00Z");
        var noExpiry = ElmRenderer.Render(TestData.Record("mc-ects-eqf.json"), TestData.Issuer, TestData.Options with { ExpiresAt = null });
        noExpiry.Should().NotContainKey("expirationDate");
    }

    [Fact]
    public void Issuer_is_the_tenant_organisation_with_issuer_countries()
    {
        var issuer = Render("mc-hours-cycle.json")["issuer"]!;
        S(issuer["id"]).Should().Be("did:web:credentials.tum.de");
        S(issuer["type"]).Should().Be("Organisation");
        S(issuer["legalName"]!["de"]).Should().Be("Technische Universität München");
        S(issuer["registration"]!["notation"]).Should().Be("DE811193231");
        S(issuer["registration"]!["spatial"]!["id"]).Should().Be("http://publications.europa.eu/resource/authority/country/DEU");
        var locations = issuer["location"]!.AsArray();
        locations.Should().HaveCount(2);
        S(locations[0]!["address"]!["countryCode"]!["id"]).Should().Be("http://publications.europa.eu/resource/authority/country/POL");
        S(locations[0]!["address"]!["countryCode"]!["prefLabel"]!["en"]).Should().Be("Poland");
        S(locations[1]!["spatialCode"]!["notation"]).Should().Be("PL-MZ");
    }

    [Fact]
    public void Nuts_region_uses_the_eu_nuts_iri()
    {
        var loc = Render("mc-notapplicable-ecvet.json")["issuer"]!["location"]![0]!;
        S(loc["spatialCode"]!["id"]).Should().Be("http://data.europa.eu/nuts/code/PT17");
        S(loc["address"]!["countryCode"]!["id"]).Should().Be("http://publications.europa.eu/resource/authority/country/PRT");
    }

    [Fact]
    public void Subject_is_a_person_with_learning_achievement()
    {
        var s = Render("mc-ects-eqf.json")["credentialSubject"]!;
        S(s["type"]).Should().Be("Person");
        S(s["id"]).Should().StartWith("did:key:");
        S(s["givenName"]!["en"]).Should().Be("Lena");
        S(s["dateOfBirth"]).Should().Be("1998-04-17T00:00:00Z");
        S(s["nationalID"]!["notation"]).Should().Be("T22000129");
        S(s["contactPoint"]!["emailAddress"]!["id"]).Should().Be("mailto:lena.schmidt@example.org");
        var claim = s["hasClaim"]!;
        S(claim["type"]).Should().Be("LearningAchievement");
        S(claim["awardedBy"]!["type"]).Should().Be("AwardingProcess");
        S(claim["awardedBy"]!["awardingDate"]).Should().Be("2025-07-15T00:00:00Z");
        S(claim["specifiedBy"]!["type"]).Should().Be("Qualification");
        S(claim["provenBy"]!["type"]).Should().Be("LearningAssessment");
    }

    [Fact]
    public void Learner_without_did_gets_a_stable_urn_uuid()
    {
        var a = Render("mc-hours-cycle.json")["credentialSubject"]!["id"]!.GetValue<string>();
        var b = Render("mc-hours-cycle.json")["credentialSubject"]!["id"]!.GetValue<string>();
        a.Should().MatchRegex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$").And.Be(b);
    }

    [Fact]
    public void Controlled_values_become_vocabulary_concepts()
    {
        var claim = Render("mc-ects-eqf.json")["credentialSubject"]!["hasClaim"]!;
        var q = claim["specifiedBy"]!;
        S(q["eqfLevel"]!["id"]).Should().Be("http://data.europa.eu/snb/eqf/7");
        S(q["eqfLevel"]!["inScheme"]!["id"]).Should().Be("http://data.europa.eu/snb/eqf/25831c2");
        S(q["eqfLevel"]!["type"]).Should().Be("Concept");
        S(q["creditPoint"]![0]!["framework"]!["id"]).Should().Be("http://data.europa.eu/snb/education-credit/6fcec5c5af");
        S(q["creditPoint"]![0]!["point"]).Should().Be("5");
        S(q["mode"]!["id"]).Should().Be("http://data.europa.eu/snb/learning-assessment/920fbb3cbe");
        S(q["accreditation"]!["dcType"]!["id"]).Should().Be("http://data.europa.eu/snb/accreditation/bb4618238e");
        S(claim["provenBy"]!["specifiedBy"]!["dcType"]!["id"]).Should().Be("http://data.europa.eu/snb/assessment/6e6cb2cc78");
        S(claim["provenBy"]!["grade"]!["noteLiteral"]!["en"]).Should().Be("1.3 (very good)");
        S(q["learningOutcome"]![0]!["relatedESCOSkill"]!["id"]).Should().StartWith("http://data.europa.eu/esco/skill/");
    }

    [Fact]
    public void Unsupervised_uses_the_eu_concept_and_others_our_urn()
    {
        Render("mc-joint-nqf-stackable.json")["credentialSubject"]!["hasClaim"]!["provenBy"]!["idVerification"]!["id"]!.GetValue<string>()
            .Should().Be("http://data.europa.eu/snb/supervision-verification/c598449d64");
        Render("mc-ects-eqf.json")["credentialSubject"]!["hasClaim"]!["provenBy"]!["idVerification"]!["id"]!.GetValue<string>()
            .Should().Be("urn:vcservice:supervision:supervised-online-id-verification");
    }

    [Fact]
    public void Hours_become_volume_of_learning_and_ecvet_a_credit_point()
    {
        var q = Render("mc-notapplicable-ecvet.json")["credentialSubject"]!["hasClaim"]!["specifiedBy"]!;
        S(q["volumeOfLearning"]).Should().Be("PT50H");
        S(q["creditPoint"]![0]!["framework"]!["id"]).Should().Be("http://data.europa.eu/snb/education-credit/60b314e826");
        Render("mc-hours-cycle.json")["credentialSubject"]!["hasClaim"]!["specifiedBy"]!["volumeOfLearning"]!.GetValue<string>().Should().Be("PT37.5H");
    }

    [Fact]
    public void Joint_award_lists_both_bodies()
    {
        var bodies = Render("mc-joint-nqf-stackable.json")["credentialSubject"]!["hasClaim"]!["awardedBy"]!["awardingBody"]!.AsArray();
        bodies.Should().HaveCount(2);
        S(bodies[1]!["legalName"]!["nl"]).Should().Be("Technische Universiteit Delft");
        S(bodies[1]!["location"]!["address"]!["countryCode"]!["id"]).Should().EndWith("/NLD");
        S(bodies[1]!["identifier"]!["notation"]).Should().Be("DEQARINST0168");
    }

    [Fact]
    public void No_eu_iri_is_invented()
    {
        // Every data.europa.eu / publications.europa.eu IRI the renderer emits must be one we took from the EU sources.
        var allowed = LoadEuIris();
        foreach (var file in TestData.SampleFiles)
        {
            var json = ElmRenderer.Render(TestData.Record(Path.GetFileName(file)), TestData.Issuer, TestData.Options).ToJsonString();
            foreach (var iri in System.Text.RegularExpressions.Regex.Matches(json, "\"(https?://(?:data|publications)\\.europa\\.eu/[^\"]+)\"").Select(m => m.Groups[1].Value))
                allowed.Should().Contain(iri, $"{Path.GetFileName(file)} emits {iri}");
        }
    }

    [Fact]
    public void Our_concepts_are_never_placed_in_an_eu_scheme()
    {
        foreach (var file in TestData.SampleFiles)
        {
            var vc = ElmRenderer.Render(TestData.Record(Path.GetFileName(file)), TestData.Issuer, TestData.Options);
            foreach (var concept in Walk(vc).Where(o => o["type"]?.GetValueKind() == JsonValueKind.String && S(o["type"]) == "Concept"))
                if (S(concept["id"]).StartsWith("urn:vcservice:", StringComparison.Ordinal))
                    S(concept["inScheme"]!["id"]).Should().StartWith("urn:vcservice:", S(concept["id"]));
        }
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? n)
    {
        if (n is JsonObject o) { yield return o; foreach (var (_, v) in o) foreach (var x in Walk(v)) yield return x; }
        else if (n is JsonArray a) foreach (var v in a) foreach (var x in Walk(v)) yield return x;
    }

    private static HashSet<string> LoadEuIris()
    {
        var set = new HashSet<string>(StringComparer.Ordinal)
        {
            "http://data.europa.eu/snb/model/context/edc-ap", "http://data.europa.eu/snb/model/ap/edc-generic-full",
            "http://data.europa.eu/esco/concept-scheme/skills", "http://data.europa.eu/snb/supervision-verification/25831c2",
            "http://data.europa.eu/snb/supervision-verification/c598449d64",
            "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a", "http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9",
        };
        const string vocab = "/work/shared/reference/elm/vocabularies.json";
        using var doc = JsonDocument.Parse(File.ReadAllText(vocab));
        foreach (var v in doc.RootElement.EnumerateObject())
        {
            set.Add(v.Value.GetProperty("scheme").GetString()!);
            foreach (var c in v.Value.GetProperty("concepts").EnumerateArray()) set.Add(c.GetProperty("id").GetString()!);
        }
        return set;
    }
}
