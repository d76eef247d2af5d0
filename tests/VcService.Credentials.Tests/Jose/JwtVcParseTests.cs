using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.Jose;
using VcService.Crypto;
using static VcService.Credentials.Tests.Jose.JwtVcTestData;

namespace VcService.Credentials.Tests.Jose;

/// <summary>VC Data Model 1.1 §6.3.2 decoding.</summary>
public class JwtVcParseTests
{
    private static string Unsigned(JsonObject payload, JsonObject? header = null)
    {
        header ??= new JsonObject { ["alg"] = "EdDSA", ["typ"] = "JWT", ["kid"] = Kid };
        return $"{Segment(header)}.{Segment(payload)}.{Base64Url.Encode(new byte[64])}";
    }

    [Fact]
    public void Signed_token_parses_back_to_the_credential()
    {
        using var key = Key(KeyType.Ed25519);
        var credential = Credential();
        var parsed = JwtVc.Parse(JwtVc.Sign(credential, key, Kid));
        parsed.Success.Should().BeTrue(parsed.Error);
        parsed.Error.Should().BeNull();
        JsonNode.DeepEquals(parsed.Credential, credential).Should().BeTrue(parsed.Credential.ToJsonString());
        parsed.Payload["iss"]!.GetValue<string>().Should().Be("did:web:uni.example");
    }

    [Fact]
    public void Registered_claims_fill_in_missing_properties()
    {
        var payload = new JsonObject
        {
            ["iss"] = "did:web:uni.example",
            ["sub"] = "did:example:ana",
            ["nbf"] = 1709287200,
            ["exp"] = 1867053600,
            ["jti"] = "urn:uuid:1",
            ["vc"] = new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
                ["type"] = new JsonArray("VerifiableCredential"),
                ["credentialSubject"] = new JsonObject { ["givenName"] = "Ana" },
            },
        };
        var parsed = JwtVc.Parse(Unsigned(payload));
        parsed.Success.Should().BeTrue(parsed.Error);
        var vc = parsed.Credential;
        vc["issuer"]!.GetValue<string>().Should().Be("did:web:uni.example");
        vc["issuanceDate"]!.GetValue<string>().Should().Be("2024-03-01T10:00:00Z");
        vc["expirationDate"]!.GetValue<string>().Should().Be("2029-03-01T10:00:00Z");
        vc["id"]!.GetValue<string>().Should().Be("urn:uuid:1");
        vc["credentialSubject"]!["id"]!.GetValue<string>().Should().Be("did:example:ana");
        vc["credentialSubject"]!["givenName"]!.GetValue<string>().Should().Be("Ana");
        payload["vc"]!.AsObject().ContainsKey("issuer").Should().BeFalse("the payload is not modified");
        parsed.Payload["vc"]!.AsObject().ContainsKey("issuer").Should().BeFalse();
    }

    [Fact]
    public void Issuer_object_without_id_gets_iss_and_missing_subject_is_created()
    {
        var payload = new JsonObject
        {
            ["iss"] = "did:web:uni.example",
            ["sub"] = "did:example:ana",
            ["vc"] = new JsonObject { ["issuer"] = new JsonObject { ["name"] = "Uni" } },
        };
        var parsed = JwtVc.Parse(Unsigned(payload));
        parsed.Success.Should().BeTrue(parsed.Error);
        parsed.Credential["issuer"]!["id"]!.GetValue<string>().Should().Be("did:web:uni.example");
        parsed.Credential["credentialSubject"]!["id"]!.GetValue<string>().Should().Be("did:example:ana");
    }

    [Fact]
    public void Fractional_seconds_in_issuance_date_agree_with_nbf()
    {
        var payload = new JsonObject
        {
            ["nbf"] = 1709287200,
            ["vc"] = new JsonObject { ["issuanceDate"] = "2024-03-01T10:00:00.750Z" },
        };
        JwtVc.Parse(Unsigned(payload)).Success.Should().BeTrue();
    }

    [Theory]
    [InlineData("iss", "\"did:web:evil.example\"", "claim 'iss'*disagrees with vc.issuer.id")]
    [InlineData("nbf", "1709287201", "claim 'nbf'*disagrees with vc.issuanceDate*")]
    [InlineData("exp", "1900000000", "claim 'exp'*disagrees with vc.expirationDate*")]
    [InlineData("jti", "\"urn:uuid:other\"", "claim 'jti'*disagrees with vc.id")]
    [InlineData("sub", "\"did:example:mallory\"", "claim 'sub'*disagrees with vc.credentialSubject.id")]
    [InlineData("iss", "42", "claim 'iss' is not a string")]
    [InlineData("nbf", "\"2024-03-01\"", "claim 'nbf' is not a NumericDate")]
    public void Disagreeing_or_mistyped_claims_are_parse_errors(string claim, string json, string message)
    {
        using var key = Key(KeyType.Ed25519);
        var payload = Decode(JwtVc.Sign(Credential(), key, Kid).Split('.')[1]);
        payload[claim] = JsonNode.Parse(json);
        var parsed = JwtVc.Parse(Unsigned(payload));
        parsed.Success.Should().BeFalse();
        parsed.Error.Should().Match(message);
        parsed.Payload[claim].Should().NotBeNull("header and payload are still available on failure");
        parsed.Alg.Should().Be("EdDSA");
    }

    [Fact]
    public void String_issuer_disagreement_is_named()
    {
        var payload = new JsonObject { ["iss"] = "did:a", ["vc"] = new JsonObject { ["issuer"] = "did:b" } };
        JwtVc.Parse(Unsigned(payload)).Error.Should().Be("claim 'iss' ('did:a') disagrees with vc.issuer ('did:b')");
    }

    [Fact]
    public void Sub_among_several_subjects()
    {
        var subjects = new JsonArray(new JsonObject { ["id"] = "did:a" }, new JsonObject { ["id"] = "did:b" });
        var ok = new JsonObject { ["sub"] = "did:b", ["vc"] = new JsonObject { ["credentialSubject"] = subjects.DeepClone() } };
        JwtVc.Parse(Unsigned(ok)).Success.Should().BeTrue();
        var bad = new JsonObject { ["sub"] = "did:c", ["vc"] = new JsonObject { ["credentialSubject"] = subjects.DeepClone() } };
        JwtVc.Parse(Unsigned(bad)).Error.Should().Contain("claim 'sub'");
    }

    [Theory]
    [InlineData("", "token is empty")]
    [InlineData("a.b", "token must have three segments*found 2")]
    [InlineData("a.b.c.d", "token must have three segments*found 4")]
    [InlineData("e30=.e30.", "header segment is not valid base64url*")]
    [InlineData("bm90IGpzb24.e30.", "header is not valid JSON")]
    [InlineData("e30.bm90IGpzb24.", "payload is not valid JSON")]
    [InlineData("e30.WzFd.", "payload is not a JSON object")]
    [InlineData("e30.e30.", "payload has no 'vc' claim")]
    [InlineData("e30.eyJ2YyI6MX0.", "claim 'vc' is not a JSON object")]
    [InlineData("e30.eyJ2YyI6e319.A", "signature segment is not valid base64url*")]
    public void Malformed_tokens_are_parse_errors(string jwt, string message)
    {
        var parsed = JwtVc.Parse(jwt);
        parsed.Success.Should().BeFalse();
        parsed.Error.Should().Match(message);
        parsed.Credential.Should().BeEmpty();
    }

    [Fact]
    public void Duplicate_member_names_are_rejected()
    {
        var header = Base64Url.Encode("""{"alg":"EdDSA","alg":"none"}"""u8);
        JwtVc.Parse($"{header}.e30.").Error.Should().Be("header is not valid JSON");
    }

    [Fact]
    public void Deep_nesting_is_rejected_not_crashing()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var payload = Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes("{\"vc\":" + deep + "}"));
        JwtVc.Parse($"e30.{payload}.").Error.Should().Be("payload is not valid JSON");
    }
}
