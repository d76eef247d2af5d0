using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.MicroCredentials.Tests;

public class Obv3RendererTests
{
    private static JsonObject Render(string sample) => Obv3TestData.Render(sample);

    private static string S(JsonNode? n) => n!.GetValue<string>();

    [Fact]
    public void Envelope_is_vc_2_0_open_badge_credential()
    {
        var vc = Render("mc-ects-eqf.json");
        vc["@context"]!.AsArray().Select(S).Should().Equal(
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://w3id.org/vcservice/annex-i/v1");
        vc["type"]!.AsArray().Select(S).Should().Equal("VerifiableCredential", "OpenBadgeCredential");
        S(vc["id"]).Should().Be(TestData.Options.CredentialId);
        S(vc["name"]).Should().Be("Applied Machine Learning for Engineers");
        vc.Should().NotContainKey("issuanceDate").And.NotContainKey("expirationDate");
    }

    [Fact]
    public void Dates_are_valid_from_until_and_awarded_date()
    {
        var vc = Render("mc-ects-eqf.json");
        S(vc["validFrom"]).Should().Be("2025-07-16T07:30:15Z");
        S(vc["validUntil"]).Should().Be("2030-07-16T00:00:00Z");
        S(vc["awardedDate"]).Should().Be("2025-07-15T00:00:00Z");
        Obv3Renderer.Render(TestData.Record("mc-ects-eqf.json"), TestData.Issuer, Obv3TestData.Options with { ExpiresAt = null })
            .Should().NotContainKey("validUntil");
    }

    [Fact]
    public void Issuer_is_an_ob_profile_with_address_identifiers_and_issuer_countries()
    {
        var issuer = Render("mc-hours-cycle.json")["issuer"]!;
        S(issuer["id"]).Should().Be("did:web:credentials.tum.de");
        issuer["type"]!.AsArray().Select(S).Should().Equal("Profile", "AnnexIProfile");
        S(issuer["name"]).Should().Be("Technical University of Munich");
        S(issuer["url"]).Should().Be("https://www.tum.de");
        S(issuer["address"]!["addressCountryCode"]).Should().Be("DE");
        S(issuer["address"]!["addressCountry"]).Should().Be("Germany");
        var ids = issuer["otherIdentifier"]!.AsArray();
        ids.Select(i => (S(i!["identifierType"]), S(i!["identifier"]))).Should().Equal(
            ("ext:LegalIdentifier", "DE811193231"), ("ext:DEQARInstitutionId", "DEQARINST0312"));
        ids.Select(i => S(i!["type"])).Should().AllBe("IdentifierEntry");
        issuer["issuerCountry"]!.AsArray().Select(S).Should().Equal("PL", "PL-MZ");
    }

    [Fact]
    public void Issuer_name_follows_the_title_language()
    {
        var record = TestData.Record("mc-ects-eqf.json") with { Title = new Dictionary<string, string> { ["de"] = "Maschinelles Lernen", ["en"] = "Machine learning" } };
        var vc = Obv3Renderer.Render(record, TestData.Issuer, Obv3TestData.Options);
        S(vc["issuer"]!["name"]).Should().Be("Technische Universität München");
        S(vc["name"]).Should().Be("Maschinelles Lernen");
        S(vc["credentialSubject"]!["achievement"]!["inLanguage"]).Should().Be("de");
    }

    [Fact]
    public void Subject_identifies_the_learner_with_plaintext_identity_objects()
    {
        var s = Render("mc-ects-eqf.json")["credentialSubject"]!;
        S(s["id"]).Should().StartWith("did:key:");
        s["type"]!.AsArray().Select(S).Should().Equal("AchievementSubject", "AnnexISubject");
        var ids = s["identifier"]!.AsArray();
        ids.Select(i => (S(i!["identityType"]), S(i!["identityHash"]), i!["hashed"]!.GetValue<bool>(), S(i!["type"]))).Should().Equal(
            ("name", "Lena Schmidt", false, "IdentityObject"),
            ("emailAddress", "lena.schmidt@example.org", false, "IdentityObject"),
            ("nationalIdentityNumber", "T22000129", false, "IdentityObject"));
        S(s["givenName"]).Should().Be("Lena");
        S(s["dateOfBirth"]).Should().Be("1998-04-17");
        S(s["nationalIdCountry"]).Should().Be("DE");
        s["creditsEarned"]!.GetValue<decimal>().Should().Be(5m);
    }

    [Fact]
    public void Learner_without_did_has_no_subject_id()
    {
        var s = Render("mc-hours-cycle.json")["credentialSubject"]!.AsObject();
        s.Should().NotContainKey("id");
        s["identifier"]!.AsArray().Should().ContainSingle(i => S(i!["identityType"]) == "name");
    }

    [Fact]
    public void Achievement_is_a_micro_credential_in_natural_ob_fields()
    {
        var a = Render("mc-ects-eqf.json")["credentialSubject"]!["achievement"]!;
        S(a["id"]).Should().Be(TestData.Options.CredentialId + "#achievement");
        a["type"]!.AsArray().Select(S).Should().Equal("Achievement", "AnnexIAchievement");
        S(a["achievementType"]).Should().Be("MicroCredential");
        S(a["name"]).Should().Be("Applied Machine Learning for Engineers");
        S(a["description"]).Should().Contain("5 ECTS").And.Contain("EQF level 7").And.Contain("QF-EHEA second cycle");
        S(a["criteria"]!["narrative"]).Should().Be(
            "Learning outcomes:\n\n- Select, train and evaluate supervised learning models for engineering data.\n- Explain the limitations and risks of machine-learning models to stakeholders.");
        a["creditsAvailable"]!.GetValue<decimal>().Should().Be(5m);
        a["title"]!["de"]!.GetValue<string>().Should().Be("Angewandtes maschinelles Lernen für Ingenieure");
    }

    [Fact]
    public void Eqf_and_esco_are_alignments()
    {
        var alignments = Render("mc-ects-eqf.json")["credentialSubject"]!["achievement"]!["alignment"]!.AsArray();
        alignments.Should().HaveCount(2);
        var eqf = alignments[0]!;
        eqf["type"]!.AsArray().Select(S).Should().Equal("Alignment");
        S(eqf["targetUrl"]).Should().Be("http://data.europa.eu/snb/eqf/7");
        S(eqf["targetCode"]).Should().Be("7");
        S(eqf["targetFramework"]).Should().Be("European Qualifications Framework");
        S(eqf["targetType"]).Should().Be("ext:EQFLevel");
        var esco = alignments[1]!;
        S(esco["targetUrl"]).Should().Be("http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a");
        S(esco["targetType"]).Should().Be("ceasn:Competency");
        S(esco["targetName"]).Should().Be("Select, train and evaluate supervised learning models for engineering data.");
    }

    [Fact]
    public void Grade_is_a_result_for_a_result_description()
    {
        var s = Render("mc-ects-eqf.json")["credentialSubject"]!;
        var description = s["achievement"]!["resultDescription"]![0]!;
        S(description["id"]).Should().Be(TestData.Options.CredentialId + "#grade");
        S(description["resultType"]).Should().Be("Result");
        S(description["name"]).Should().Be("Grade");
        var result = s["result"]![0]!;
        S(result["resultDescription"]).Should().Be(S(description["id"]));
        S(result["value"]).Should().Be("1.3 (very good)");
        S(s["grade"]!["en"]).Should().Be("1.3 (very good)");
        Render("mc-hours-cycle.json")["credentialSubject"]!.AsObject().Should().NotContainKey("result");
    }

    [Fact]
    public void Annex_i_elements_without_an_ob_field_are_extension_terms()
    {
        var a = Render("mc-joint-nqf-stackable.json")["credentialSubject"]!["achievement"]!;
        var bodies = a["awardingBody"]!.AsArray();
        bodies.Should().HaveCount(2);
        S(bodies[1]!["legalName"]!["nl"]).Should().Be("Technische Universiteit Delft");
        S(bodies[1]!["country"]).Should().Be("NL");
        S(bodies[1]!["deqarId"]).Should().Be("DEQARINST0168");
        S(a["nqf"]!["framework"]).Should().Be("http://data.europa.eu/snb/qdr/c_01169e3f");
        S(a["assessmentType"]).Should().Be("http://data.europa.eu/snb/assessment/4f03b91c0e");
        S(a["participationMode"]).Should().Be("http://data.europa.eu/snb/learning-assessment/920fbb3cbe");
        S(a["qualityAssurance"]!["qualityAssuranceType"]).Should().Be("http://data.europa.eu/snb/accreditation/820101cba6");
        S(a["supervision"]).Should().Be("http://data.europa.eu/snb/supervision-verification/c598449d64");
        S(a["stackability"]!["stackabilityType"]).Should().Be("urn:vcservice:annex-i:stackability:stackable");
        S(a["stackability"]!["towards"]!["en"]).Should().Be("MSc in Sustainable Energy Engineering");
    }

    [Fact]
    public void Hours_and_other_credit_systems_are_decimal_strings_in_the_workload_extension()
    {
        var a = Render("mc-notapplicable-ecvet.json")["credentialSubject"]!["achievement"]!.AsObject();
        a.Should().NotContainKey("creditsAvailable");
        S(a["workload"]!["hours"]).Should().Be("50");
        S(a["workload"]!["creditSystem"]).Should().Be("ecvet");
        a["levelNotApplicable"]!.GetValue<bool>().Should().BeTrue();
        a.Should().NotContainKey("alignment");
    }

    [Fact]
    public void Rendering_is_deterministic()
        => Render("mc-joint-nqf-stackable.json").ToJsonString().Should().Be(Render("mc-joint-nqf-stackable.json").ToJsonString());
}
