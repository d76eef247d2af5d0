using System.Text.Json.Nodes;

namespace VcService.MicroCredentials.Tests;

internal static class Obv3TestData
{
    public static readonly Obv3RenderOptions Options = new(TestData.Options.CredentialId, TestData.Options.IssuedAt, TestData.Options.ExpiresAt);

    public static JsonObject Render(string sample) => Obv3Renderer.Render(TestData.Record(sample), TestData.Issuer, Options);

    /// <summary>The rendering through text, as a verifier receives it.</summary>
    public static JsonObject Reparse(JsonObject vc) => JsonNode.Parse(vc.ToJsonString())!.AsObject();

    /// <summary>A valid record with every optional element set (beyond the samples).</summary>
    public static HeiRecord Full()
    {
        var body = TestData.Valid();
        body["prerequisites"] = new JsonObject { ["en"] = "Linear algebra", ["de"] = "Lineare Algebra" };
        body["furtherInformation"] = new JsonObject { ["en"] = "See the module handbook." };
        body["participation"] = new JsonObject { ["mode"] = "blended", ["description"] = new JsonObject { ["en"] = "Two onsite weeks." } };
        body["level"] = new JsonObject
        {
            ["eqf"] = 6, ["qfEheaCycle"] = "first",
            ["nqf"] = new JsonObject { ["framework"] = "DQR", ["level"] = "6" },
        };
        body["workload"] = new JsonObject { ["ects"] = 7.5, ["hours"] = 187.5, ["system"] = "ecvet", ["value"] = 3 };
        body["stackability"] = new JsonObject { ["type"] = "integrated", ["towards"] = new JsonObject { ["en"] = "MSc Data Engineering" } };
        var v = HeiRecordValidator.Validate(body);
        if (!v.IsValid) throw new InvalidOperationException(string.Join("; ", v.Errors));
        return v.Record!;
    }
}
