using System.Text.Json.Nodes;
using FluentAssertions;
using NJsonSchema;

namespace VcService.MicroCredentials.Tests;

public class SchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromFileAsync(Path.Combine(TestData.RepoRoot, "schemas", "hei-record.schema.json")).GetAwaiter().GetResult();

    [Theory]
    [MemberData(nameof(TestData.SampleNames), MemberType = typeof(TestData))]
    public void Every_sample_validates_against_the_schema(string name)
        => Schema.Validate(File.ReadAllText(Path.Combine(TestData.SamplesDir, name))).Should().BeEmpty();

    [Theory]
    [InlineData("title", null)]
    [InlineData("workload", "{\"ects\": 0}")]
    [InlineData("level", "{\"eqf\": 9}")]
    [InlineData("level", "{}")]
    [InlineData("level", "{\"eqf\": 6, \"notApplicable\": true}")]
    [InlineData("supervision", "\"proctored\"")]
    [InlineData("issuerCountries", "[\"Germany\"]")]
    [InlineData("title", "{}")]
    [InlineData("title", "\"Applied ML\"")]
    [InlineData("unknownField", "1")]
    [InlineData("learner", "{\"givenName\": \"A\", \"familyName\": \"B\", \"email\": \"not-an-email\"}")]
    [InlineData("learner", "{\"givenName\": \"A\", \"familyName\": \"B\", \"did\": \"did:web\"}")]
    public void Invalid_records_fail_the_schema(string field, string? json)
    {
        var body = TestData.Valid();
        if (json is null) body.Remove(field); else body[field] = JsonNode.Parse(json);
        Schema.Validate(body.ToJsonString()).Should().NotBeEmpty();
        HeiRecordValidator.Validate(body).IsValid.Should().BeFalse("the validator and the schema agree");
    }
}
