using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VcService.Credentials.Dids;
using VcService.Credentials.Jose;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.Crypto;
using static VcService.Credentials.Tests.Jose.JwtVcTestData;

namespace VcService.Credentials.Tests.Jose;

/// <summary>VC-JOSE-COSE §3.1 (application/vc+jwt): payload = the credential, typ vc+jwt, algorithm pinned to the key.</summary>
public class VcJwtTests
{
    public static TheoryData<KeyType> Types => new() { KeyType.Ed25519, KeyType.P256 };

    internal static JsonObject Credential2() => JsonNode.Parse("""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          "id": "urn:uuid:6a2f1b9e-2f7e-4f38-9a34-54c1d7c1e0a1",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": { "id": "did:web:uni.example", "name": "Example University" },
          "validFrom": "2026-01-01T00:00:00Z",
          "validUntil": "2030-01-01T00:00:00Z",
          "credentialSubject": { "id": "did:example:learner", "name": "Ana" }
        }
        """)!.AsObject();

    [Theory]
    [MemberData(nameof(Types))]
    public void Sign_then_verify_roundtrips_and_the_payload_is_the_credential(KeyType type)
    {
        using var key = Key(type);
        var jws = VcJwt.Sign(Credential2(), key, Kid);
        var segments = jws.Split('.');
        var header = Decode(segments[0]);
        header["typ"]!.GetValue<string>().Should().Be("vc+jwt");
        header["alg"]!.GetValue<string>().Should().Be(type == KeyType.Ed25519 ? "EdDSA" : "ES256");
        header["kid"]!.GetValue<string>().Should().Be(Kid);
        JsonNode.DeepEquals(Decode(segments[1]), Credential2()).Should().BeTrue("the payload is the credential, nothing added");

        VcJwt.IsVcJwt(jws).Should().BeTrue();
        var parsed = VcJwt.Parse(jws);
        parsed.Success.Should().BeTrue(parsed.Error);
        JsonNode.DeepEquals(parsed.Credential, Credential2()).Should().BeTrue();
        VcJwt.VerifySignature(jws, key.PublicKey).Valid.Should().BeTrue();
    }

    [Fact]
    public void A_vc11_credential_is_refused_at_signing()
    {
        using var key = Key(KeyType.Ed25519);
        var act = () => VcJwt.Sign(Credential(), key, Kid);
        act.Should().Throw<ArgumentException>().WithMessage("*VC Data Model 2.0*");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Tampered_payload_or_signature_fails(KeyType type)
    {
        using var key = Key(type);
        var jws = VcJwt.Sign(Credential2(), key, Kid).Split('.');
        var changed = Credential2();
        changed["credentialSubject"]!["name"] = "Eve";
        VcJwt.VerifySignature($"{jws[0]}.{Segment(changed)}.{jws[2]}", key.PublicKey).Error.Should().Be("signature does not match");

        var signature = Base64Url.Decode(jws[2]);
        signature[5] ^= 1;
        VcJwt.VerifySignature($"{jws[0]}.{jws[1]}.{Base64Url.Encode(signature)}", key.PublicKey).Valid.Should().BeFalse();

        using var other = Key(type);
        VcJwt.VerifySignature(string.Join('.', jws), other.PublicKey).Valid.Should().BeFalse("another key of the same type");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Alg_none_is_refused(KeyType type)
    {
        using var key = Key(type);
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "vc+jwt", ["kid"] = Kid };
        var result = VcJwt.VerifySignature($"{Segment(header)}.{Segment(Credential2())}.", key.PublicKey);
        result.Valid.Should().BeFalse();
        result.Error.Should().Contain("algorithm 'none' is not allowed");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Hs256_keyed_with_the_public_key_is_refused(KeyType type)
    {
        using var key = Key(type);
        var secret = key.PublicKey.Bytes.ToArray();
        var hmacKey = new SymmetricSecurityKey(secret.Length >= 32 ? secret : [.. secret, .. new byte[32 - secret.Length]]);
        var jws = new JsonWebTokenHandler().CreateToken(Credential2().ToJsonString(),
            new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256), new Dictionary<string, object> { ["typ"] = "vc+jwt" });
        VcJwt.IsVcJwt(jws).Should().BeTrue("the attacker sets typ too");
        var result = VcJwt.VerifySignature(jws, key.PublicKey);
        result.Valid.Should().BeFalse();
        result.Error.Should().Contain("algorithm 'HS256' is not allowed");
    }

    [Fact]
    public void Es256_header_on_an_ed25519_key_is_refused()
    {
        using var p256 = Key(KeyType.P256);
        using var ed = Key(KeyType.Ed25519);
        var jws = VcJwt.Sign(Credential2(), p256, Kid);
        VcJwt.VerifySignature(jws, ed.PublicKey).Error.Should().Contain("algorithm 'ES256' is not allowed for a Ed25519 key");
    }

    [Fact]
    public void Wrong_typ_is_refused_by_parse_and_verify()
    {
        using var key = Key(KeyType.Ed25519);
        var jws = VcJwt.Sign(Credential2(), key, Kid).Split('.');
        var header = Decode(jws[0]);
        header["typ"] = "JWT";
        var retyped = $"{Segment(header)}.{jws[1]}";
        var signed = retyped + "." + Base64Url.Encode(key.Sign(Encoding.ASCII.GetBytes(retyped)));
        VcJwt.IsVcJwt(signed).Should().BeFalse();
        VcJwt.Parse(signed).Error.Should().Be("header 'typ' must be 'vc+jwt'");
        VcJwt.VerifySignature(signed, key.PublicKey).Error.Should().Be("header 'typ' must be 'vc+jwt'");
        JwtVc.Parse(signed).Error.Should().Be("payload has no 'vc' claim", "a JWT-VC reader does not take a vc+jwt payload either");
    }

    [Fact]
    public void A_vc_claim_or_a_vc11_payload_under_typ_vc_jwt_is_not_a_vc_jwt()
    {
        using var key = Key(KeyType.Ed25519);
        var header = new JsonObject { ["alg"] = "EdDSA", ["typ"] = "vc+jwt", ["kid"] = Kid };
        var withVcClaim = new JsonObject { ["vc"] = Credential2() };
        VcJwt.Parse($"{Segment(header)}.{Segment(withVcClaim)}.AAAA").Error.Should().Contain("'vc' claim");
        VcJwt.Parse($"{Segment(header)}.{Segment(Credential())}.AAAA").Error.Should().Contain("not a VC Data Model 2.0 credential");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task The_pipeline_recognises_a_vc_jwt_and_reads_validFrom_and_validUntil(KeyType type)
    {
        using var key = Key(type);
        var multikey = key.PublicKey.ToMultikey();
        var credential = Credential2();
        credential["issuer"] = $"did:key:{multikey}";
        var jws = VcJwt.Sign(credential, key, $"did:key:{multikey}#{multikey}");
        var checks = new IVerificationCheck[] { new FormatCheck(), new SignatureCheck(new CompositeDidResolver([new DidKeyResolver()])), new ValidityCheck() };

        var report = await new CredentialVerifier(checks, new FixedTime(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero))).VerifyAsync(JsonValue.Create(jws), default);
        report.Verified.Should().BeTrue(string.Join(" | ", report.Checks.Select(c => c.Message)));
        report.Format.Should().Be(CredentialFormats.VcJwt);
        report.Checks.Single(c => c.Check == CheckNames.Validity).Message.Should().Contain("until 2030-01-01T00:00:00Z");

        var expired = await new CredentialVerifier(checks, new FixedTime(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero))).VerifyAsync(JsonValue.Create(jws), default);
        expired.Verified.Should().BeFalse();
        expired.Checks.Single(c => c.Check == CheckNames.Validity).Message.Should().Contain("validUntil");

        var early = await new CredentialVerifier(checks, new FixedTime(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))).VerifyAsync(JsonValue.Create(jws), default);
        early.Checks.Single(c => c.Check == CheckNames.Validity).Status.Should().Be(CheckStatus.Failed);

        var segments = jws.Split('.');
        var tampered = credential.DeepClone().AsObject();
        tampered["credentialSubject"]!["name"] = "Eve";
        var bad = await new CredentialVerifier(checks, new FixedTime(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .VerifyAsync(JsonValue.Create($"{segments[0]}.{Segment(tampered)}.{segments[2]}"), default);
        bad.Verified.Should().BeFalse();
        bad.Checks.Single(c => c.Check == CheckNames.Signature).Message.Should().Contain("vc+jwt signature is not valid");
    }

    [Fact]
    public async Task A_jwt_vc_whose_vc_claim_holds_a_vc2_credential_fails_the_format_check()
    {
        using var key = Key(KeyType.Ed25519);
        var header = new JsonObject { ["alg"] = "EdDSA", ["typ"] = "JWT", ["kid"] = Kid };
        var input = $"{Segment(header)}.{Segment(new JsonObject { ["vc"] = Credential2() })}";
        var jws = input + "." + Base64Url.Encode(key.Sign(Encoding.ASCII.GetBytes(input)));
        var report = await new CredentialVerifier([new FormatCheck()], TimeProvider.System).VerifyAsync(JsonValue.Create(jws), default);
        report.Checks.Single().Message.Should().Contain("secured as 'vc+jwt'");
    }
}
