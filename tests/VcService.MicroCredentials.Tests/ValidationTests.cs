using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.MicroCredentials.Tests;

public class ValidationTests
{
    private static HeiRecordValidation Check(Action<JsonObject> mutate, ValidationProfile? profile = null)
    {
        var body = TestData.Valid();
        mutate(body);
        return HeiRecordValidator.Validate(body, profile);
    }

    private static void ShouldFail(HeiRecordValidation v, string path)
    {
        v.IsValid.Should().BeFalse();
        v.Record.Should().BeNull();
        v.Errors.Select(e => e.Path).Should().Contain(path, because: string.Join("; ", v.Errors));
    }

    [Theory]
    [MemberData(nameof(TestData.SampleNames), MemberType = typeof(TestData))]
    public void Every_sample_is_valid(string name)
    {
        var v = HeiRecordValidator.Validate(TestData.Sample(name));
        v.Errors.Should().BeEmpty();
        v.IsValid.Should().BeTrue();
        v.Record.Should().NotBeNull();
    }

    [Theory]
    [InlineData("learner")]
    [InlineData("title")]
    [InlineData("issuerCountries")]
    [InlineData("awardingBodies")]
    [InlineData("learningOutcomes")]
    [InlineData("workload")]
    [InlineData("level")]
    [InlineData("assessment")]
    [InlineData("participation")]
    [InlineData("qualityAssurance")]
    public void Missing_mandatory_element_is_reported(string field)
        => ShouldFail(Check(b => b.Remove(field)), field);

    [Theory]
    [InlineData("givenName")]
    [InlineData("familyName")]
    public void Missing_learner_name_is_reported(string field)
        => ShouldFail(Check(b => b["learner"]!.AsObject().Remove(field)), $"learner.{field}");

    [Fact]
    public void Empty_arrays_are_reported()
    {
        var v = Check(b => { b["issuerCountries"] = new JsonArray(); b["awardingBodies"] = new JsonArray(); b["learningOutcomes"] = new JsonArray(); });
        ShouldFail(v, "issuerCountries");
        ShouldFail(v, "awardingBodies");
        ShouldFail(v, "learningOutcomes");
    }

    [Fact]
    public void Empty_title_language_map_is_reported() => ShouldFail(Check(b => b["title"] = new JsonObject()), "title");

    [Fact]
    public void Empty_text_in_language_map_is_reported()
        => ShouldFail(Check(b => b["learningOutcomes"]![0]!["text"] = new JsonObject { ["en"] = "  " }), "learningOutcomes[0].text.en");

    [Fact]
    public void Bad_language_tag_is_reported()
        => ShouldFail(Check(b => b["title"] = new JsonObject { ["english!"] = "x" }), "title.english!");

    [Theory]
    [InlineData(0)]
    [InlineData(-1.5)]
    public void Ects_must_be_positive(double ects)
        => ShouldFail(Check(b => b["workload"] = new JsonObject { ["ects"] = ects }), "workload.ects");

    [Fact]
    public void Decimal_ects_is_accepted()
        => Check(b => b["workload"] = new JsonObject { ["ects"] = 1.5 }).Record!.Workload.Ects.Should().Be(1.5m);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Hours_must_be_positive(int hours)
        => ShouldFail(Check(b => b["workload"] = new JsonObject { ["hours"] = hours }), "workload.hours");

    [Fact]
    public void Workload_needs_a_measure() => ShouldFail(Check(b => b["workload"] = new JsonObject()), "workload");

    [Fact]
    public void Workload_system_needs_value()
        => ShouldFail(Check(b => b["workload"] = new JsonObject { ["system"] = "ecvet" }), "workload.value");

    [Theory]
    [InlineData(9)]
    [InlineData(0)]
    [InlineData(6.5)]
    public void Eqf_must_be_integer_1_to_8(double eqf)
        => ShouldFail(Check(b => b["level"] = new JsonObject { ["eqf"] = eqf }), "level.eqf");

    [Fact]
    public void Level_needs_something() => ShouldFail(Check(b => b["level"] = new JsonObject()), "level");

    [Fact]
    public void Level_not_applicable_false_alone_is_rejected()
        => ShouldFail(Check(b => b["level"] = new JsonObject { ["notApplicable"] = false }), "level");

    [Fact]
    public void Level_not_applicable_excludes_others()
        => ShouldFail(Check(b => b["level"] = new JsonObject { ["eqf"] = 6, ["notApplicable"] = true }), "level.notApplicable");

    [Fact]
    public void Unknown_qf_ehea_cycle_is_reported()
        => ShouldFail(Check(b => b["level"] = new JsonObject { ["qfEheaCycle"] = "fourth" }), "level.qfEheaCycle");

    [Fact]
    public void Unknown_supervision_is_reported() => ShouldFail(Check(b => b["supervision"] = "proctored"), "supervision");

    [Theory]
    [InlineData("assessment", "type", "multiple-choice")]
    [InlineData("participation", "mode", "hybrid")]
    [InlineData("qualityAssurance", "type", "iso9001")]
    [InlineData("stackability", "type", "stacked")]
    public void Unknown_controlled_tokens_are_reported(string obj, string field, string value)
        => ShouldFail(Check(b => b[obj]![field] = value), $"{obj}.{field}");

    [Theory]
    [InlineData("XX")]
    [InlineData("de")]
    [InlineData("Germany")]
    [InlineData("ZZZ")]
    [InlineData("DE-")]
    [InlineData("QQ-BY")]
    public void Bad_country_code_is_reported(string code)
        => ShouldFail(Check(b => b["issuerCountries"] = new JsonArray(code)), "issuerCountries[0]");

    [Theory]
    [InlineData("DE")]
    [InlineData("DEU")]
    [InlineData("DE-BY")]
    [InlineData("DE21")]
    [InlineData("EL30")]
    [InlineData("FR1")]
    public void Country_and_region_codes_are_accepted(string code)
        => Check(b => b["issuerCountries"] = new JsonArray(code)).Errors.Should().BeEmpty();

    [Fact]
    public void National_id_country_must_be_iso_3166_1()
        => ShouldFail(Check(b => b["learner"]!["nationalId"]!["country"] = "DE21"), "learner.nationalId.country");

    [Fact]
    public void Awarding_body_country_is_checked()
        => ShouldFail(Check(b => b["awardingBodies"]![0]!["country"] = "Bavaria"), "awardingBodies[0].country");

    [Theory]
    [InlineData("lena.schmidt")]
    [InlineData("lena@")]
    [InlineData("lena@example")]
    [InlineData("a b@example.org")]
    public void Bad_email_is_reported(string email) => ShouldFail(Check(b => b["learner"]!["email"] = email), "learner.email");

    [Fact]
    public void Future_date_of_birth_is_reported()
    {
        var fixedNow = new FixedTime(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var body = TestData.Valid();
        body["learner"]!["dateOfBirth"] = "2025-01-02";
        body.Remove("awardedOn");
        ShouldFail(HeiRecordValidator.Validate(body, null, fixedNow), "learner.dateOfBirth");
        body["learner"]!["dateOfBirth"] = "2025-01-01";
        HeiRecordValidator.Validate(body, null, fixedNow).Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("17.04.1998")]
    [InlineData("1998-02-30")]
    [InlineData("1998-4-17")]
    public void Bad_dates_are_reported(string date) => ShouldFail(Check(b => b["learner"]!["dateOfBirth"] = date), "learner.dateOfBirth");

    [Theory]
    [InlineData("did:")]
    [InlineData("did:web")]
    [InlineData("did:Web:example.com")]
    [InlineData("https://example.com")]
    [InlineData("did:web:example.com:")]
    public void Bad_did_is_reported(string did) => ShouldFail(Check(b => b["learner"]!["did"] = did), "learner.did");

    [Theory]
    [InlineData("not an iri")]
    [InlineData("esco:skill/123")]
    [InlineData("/esco/skill/1")]
    public void Esco_skill_must_be_http_iri(string iri)
        => ShouldFail(Check(b => b["learningOutcomes"]![0]!["escoSkill"] = iri), "learningOutcomes[0].escoSkill");

    [Fact]
    public void Wrong_json_types_are_reported()
    {
        var v = Check(b =>
        {
            b["title"] = "Applied ML";
            b["issuerCountries"] = "DE";
            b["workload"] = new JsonObject { ["ects"] = "5" };
            b["level"] = new JsonObject { ["eqf"] = 7, ["notApplicable"] = "no" };
            b["learner"]!["givenName"] = 42;
        });
        ShouldFail(v, "title");
        ShouldFail(v, "issuerCountries");
        ShouldFail(v, "workload.ects");
        ShouldFail(v, "level.notApplicable");
        ShouldFail(v, "learner.givenName");
        v.Errors.Single(e => e.Path == "workload.ects").Message.Should().Contain("number");
    }

    [Fact]
    public void Unknown_fields_are_reported_at_every_level()
    {
        var v = Check(b =>
        {
            b["credits"] = 5;
            b["learner"]!["middleName"] = "Maria";
            b["workload"]!["ectsPoints"] = 5;
        });
        ShouldFail(v, "credits");
        ShouldFail(v, "learner.middleName");
        ShouldFail(v, "workload.ectsPoints");
    }

    [Fact]
    public void Several_errors_are_reported_at_once()
    {
        var v = Check(b =>
        {
            b.Remove("title");
            b["workload"] = new JsonObject { ["ects"] = 0 };
            b["level"] = new JsonObject { ["eqf"] = 9 };
            b["supervision"] = "nope";
            b["learner"]!["email"] = "bad";
        });
        v.Errors.Select(e => e.Path).Should().Contain(["title", "workload.ects", "level.eqf", "supervision", "learner.email"]);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"record\"")]
    [InlineData("{}")]
    [InlineData("{\"learner\": [], \"title\": {\"en\": null}, \"workload\": {\"ects\": 1e400}}")]
    [InlineData("{\"title\": {\"en\": \"a\", \"en\": \"b\"}, \"title\": 1}")]
    [InlineData("{\"awardingBodies\": [null, 1, {}], \"learningOutcomes\": [[]], \"level\": {\"nqf\": {\"level\": {}}}}")]
    public void Any_json_gives_errors_not_exceptions(string json)
    {
        var v = HeiRecordValidator.Validate(JsonNode.Parse(json));
        v.IsValid.Should().BeFalse();
        v.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public void Null_body_is_reported() => HeiRecordValidator.Validate(null).Errors.Should().ContainSingle();

    [Fact]
    public void Canonical_json_round_trips_through_validation()
    {
        foreach (var file in TestData.SampleFiles)
        {
            var record = HeiRecordValidator.Validate(JsonNode.Parse(File.ReadAllText(file))).Record!;
            var again = HeiRecordValidator.Validate(record.ToJson()).Record!;
            JsonNode.DeepEquals(record.ToJson(), again.ToJson()).Should().BeTrue(file);
        }
    }

    [Fact]
    public void System_text_json_serialization_matches_ToJson()
    {
        foreach (var file in TestData.SampleFiles)
        {
            var record = HeiRecordValidator.Validate(JsonNode.Parse(File.ReadAllText(file))).Record!;
            var text = System.Text.Json.JsonSerializer.Serialize(record, HeiRecord.JsonOptions);
            JsonNode.DeepEquals(JsonNode.Parse(text), record.ToJson()).Should().BeTrue(file);
            var back = System.Text.Json.JsonSerializer.Deserialize<HeiRecord>(text, HeiRecord.JsonOptions)!;
            JsonNode.DeepEquals(back.ToJson(), record.ToJson()).Should().BeTrue(file);
        }
    }

    [Fact]
    public void ToJson_omits_nulls_and_uses_record_field_names()
    {
        var json = TestData.Record("mc-hours-cycle.json").ToJson();
        json.Should().NotContainKey("grade");
        json["workload"]!.AsObject().Should().ContainSingle().Which.Key.Should().Be("hours");
        json["learner"]!["givenName"]!.GetValue<string>().Should().Be("Marta");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
