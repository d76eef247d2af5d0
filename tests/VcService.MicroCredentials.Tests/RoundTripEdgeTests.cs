using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.MicroCredentials.Tests;

/// <summary>record → ElmRenderer → ElmReader = record, for variants the samples do not cover.</summary>
public class RoundTripEdgeTests
{
    public static TheoryData<string, string> Variants() => new()
    {
        { "minimal", """{"learner": {"givenName": "Ana", "familyName": "Ionescu"}, "supervision": null, "grade": null, "stackability": null, "awardedOn": null}""" },
        { "alpha-3 countries", """{"issuerCountries": ["DEU", "AUT"], "awardingBodies": [{"legalName": {"de": "Universität Wien"}, "legalIdentifier": "ATU37675002", "country": "AUT"}]}""" },
        { "greek nuts + iso 3166-2", """{"issuerCountries": ["EL30", "ES-CT", "FR1"]}""" },
        { "other credit system iri", """{"workload": {"system": "https://example.org/credit-systems/uk-cats", "value": 10}}""" },
        { "other credit system token", """{"workload": {"system": "uk-cats", "value": 15, "ects": 7.5, "hours": 187.5}}""" },
        { "nqf by name, numeric level", """{"level": {"nqf": {"framework": "Deutscher Qualifikationsrahmen (DQR)", "level": "6"}}}""" },
        { "all cycles/levels", """{"level": {"eqf": 5, "qfEheaCycle": "short", "nqf": {"framework": "http://data.europa.eu/snb/qdr/c_01169e3f", "level": "http://example.org/nfq/level-6"}}}""" },
        { "other tokens", """{"assessment": {"type": "other", "description": {"en": "Hackathon jury"}}, "participation": {"mode": "other"}, "qualityAssurance": {"type": "other", "body": {"en": "X"}}}""" },
        { "region tags in languages", """{"title": {"pt-BR": "Segurança", "en-GB": "Safety"}, "grade": {"pt-BR": "Aprovado"}}""" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_round_trips(string name, string patch)
    {
        var body = TestData.Valid();
        foreach (var (k, v) in JsonNode.Parse(patch)!.AsObject())
        {
            if (v is null) body.Remove(k); else body[k] = v.DeepClone();
        }
        var validation = HeiRecordValidator.Validate(body);
        validation.Errors.Should().BeEmpty(name);
        var record = validation.Record!;
        var vc = ElmRenderer.Render(record, TestData.Issuer, TestData.Options);
        var result = ElmReader.Read(JsonNode.Parse(vc.ToJsonString())!.AsObject());
        result.Missing.Should().BeEmpty(name);
        JsonNode.DeepEquals(result.View, record.ToJson()).Should().BeTrue($"{name}\nview {result.View.ToJsonString()}\nrecord {record.ToJson().ToJsonString()}");
    }

    [Fact]
    public void Numeric_nqf_level_and_ecvet_iri_are_canonicalised()
    {
        var body = TestData.Valid();
        body["level"] = new JsonObject { ["nqf"] = new JsonObject { ["framework"] = "DQR", ["level"] = 6 } };
        body["workload"] = new JsonObject { ["system"] = ElmVocabulary.CreditSystemEcvet, ["value"] = 3.50 };
        var record = HeiRecordValidator.Validate(body).Record!;
        record.Level.Nqf!.Level.Should().Be("6");
        record.Workload.System.Should().Be("ecvet");
        record.ToJson()["workload"]!["value"]!.ToJsonString().Should().Be("3.5");
    }
}
