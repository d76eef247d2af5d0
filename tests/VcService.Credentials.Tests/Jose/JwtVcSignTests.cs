using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.Jose;
using VcService.Crypto;
using static VcService.Credentials.Tests.Jose.JwtVcTestData;

namespace VcService.Credentials.Tests.Jose;

public class JwtVcSignTests
{
    public static TheoryData<KeyType> Types => new() { KeyType.Ed25519, KeyType.P256 };

    [Theory]
    [MemberData(nameof(Types))]
    public void Sign_then_verify_round_trip(KeyType type)
    {
        using var key = Key(type);
        var jwt = JwtVc.Sign(Credential(), key, Kid);
        var result = JwtVc.VerifySignature(jwt, key.PublicKey);
        result.Valid.Should().BeTrue(result.Error);
        result.Error.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Header_has_alg_typ_kid(KeyType type)
    {
        using var key = Key(type);
        var jwt = JwtVc.Sign(Credential(), key, Kid);
        var header = Decode(jwt.Split('.')[0]);
        header["alg"]!.GetValue<string>().Should().Be(type == KeyType.Ed25519 ? "EdDSA" : "ES256");
        header["typ"]!.GetValue<string>().Should().Be("JWT");
        header["kid"]!.GetValue<string>().Should().Be(Kid);

        var parsed = JwtVc.Parse(jwt);
        parsed.Success.Should().BeTrue(parsed.Error);
        parsed.Alg.Should().Be(key.PublicKey.JwsAlgorithm);
        parsed.Kid.Should().Be(Kid);
        parsed.Typ.Should().Be("JWT");
    }

    [Fact]
    public void Claims_follow_vc11_encoding()
    {
        using var key = Key(KeyType.Ed25519);
        var credential = Credential();
        var jwt = JwtVc.Sign(credential, key, Kid);
        var payload = Decode(jwt.Split('.')[1]);

        payload["iss"]!.GetValue<string>().Should().Be("did:web:uni.example");
        payload["sub"]!.GetValue<string>().Should().Be("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
        payload["nbf"]!.GetValue<long>().Should().Be(1709287200);
        payload["iat"]!.GetValue<long>().Should().Be(1709287200);
        payload["exp"]!.GetValue<long>().Should().Be(1867053600);
        payload["jti"]!.GetValue<string>().Should().Be("urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5");
        payload.ContainsKey("aud").Should().BeFalse();

        // vc claim is the full credential, unchanged.
        JsonNode.DeepEquals(payload["vc"], credential).Should().BeTrue();
        JsonNode.DeepEquals(credential, Credential()).Should().BeTrue("Sign must not modify its input");
    }

    [Fact]
    public void String_issuer_and_explicit_iat()
    {
        using var key = Key(KeyType.P256);
        var credential = Credential();
        credential["issuer"] = "did:web:other.example";
        credential.Remove("expirationDate");
        credential.Remove("id");
        var issuedAt = new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var jwt = JwtVc.Sign(credential, key, Kid, issuedAt);
        var payload = Decode(jwt.Split('.')[1]);
        payload["iss"]!.GetValue<string>().Should().Be("did:web:other.example");
        payload["iat"]!.GetValue<long>().Should().Be(issuedAt.ToUnixTimeSeconds());
        payload["nbf"]!.GetValue<long>().Should().Be(1709287200);
        payload.ContainsKey("exp").Should().BeFalse();
        payload.ContainsKey("jti").Should().BeFalse();
    }

    [Fact]
    public void Missing_issuer_is_an_argument_error()
    {
        using var key = Key(KeyType.Ed25519);
        var credential = Credential();
        credential.Remove("issuer");
        var act = () => JwtVc.Sign(credential, key, Kid);
        act.Should().Throw<ArgumentException>().WithMessage("*'issuer'*");
    }

    [Fact]
    public void Bad_issuance_date_is_an_argument_error()
    {
        using var key = Key(KeyType.Ed25519);
        var credential = Credential();
        credential["issuanceDate"] = "yesterday";
        var act = () => JwtVc.Sign(credential, key, Kid);
        act.Should().Throw<ArgumentException>().WithMessage("*'issuanceDate'*");
    }

    [Fact]
    public void EdDsa_jwt_verifies_with_an_independent_ed25519_check()
    {
        using var key = Key(KeyType.Ed25519);
        var jwt = JwtVc.Sign(Credential(), key, Kid);
        var parts = jwt.Split('.');
        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var signature = Base64Url.Decode(parts[2]);
        signature.Should().HaveCount(64);
        key.PublicKey.Verify(signingInput, signature).Should().BeTrue();

        // Ed25519 is deterministic: signing the same input directly gives the same bytes.
        key.Sign(signingInput).Should().Equal(signature);
    }

    [Fact]
    public async Task Es256_jwt_verifies_with_microsoft_ecdsa_key()
    {
        using var key = Key(KeyType.P256);
        var jwt = JwtVc.Sign(Credential(), key, Kid);
        using var ecdsa = key.PublicKey.ToECDsa();
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var result = await handler.ValidateTokenAsync(jwt, new Microsoft.IdentityModel.Tokens.TokenValidationParameters
        {
            IssuerSigningKey = new Microsoft.IdentityModel.Tokens.ECDsaSecurityKey(ecdsa),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        result.IsValid.Should().BeTrue(result.Exception?.ToString());
    }
}
