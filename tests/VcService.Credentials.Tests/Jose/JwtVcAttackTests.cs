using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VcService.Credentials.Jose;
using VcService.Crypto;
using static VcService.Credentials.Tests.Jose.JwtVcTestData;

namespace VcService.Credentials.Tests.Jose;

/// <summary>RFC 8725 §2.1/§3.1 algorithm attacks and tampering: each must be rejected with a reason.</summary>
public class JwtVcAttackTests
{
    public static TheoryData<KeyType> Types => new() { KeyType.Ed25519, KeyType.P256 };

    private static string KeyName(KeyType type) => type == KeyType.Ed25519 ? "Ed25519" : "P-256";

    private static string Payload()
    {
        using var signer = SigningKey.Generate(KeyType.Ed25519);
        return JwtVc.Sign(Credential(), signer, Kid).Split('.')[1];
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Alg_none_is_rejected(KeyType type)
    {
        using var key = Key(type);
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        foreach (var jwt in new[] { $"{Segment(header)}.{Payload()}.", $"{Segment(header)}.{Payload()}.{Base64Url.Encode(new byte[64])}" })
        {
            var result = JwtVc.VerifySignature(jwt, key.PublicKey);
            result.Valid.Should().BeFalse();
            result.Error.Should().Be($"algorithm 'none' is not allowed for a {KeyName(type)} key");
        }
    }

    [Theory]
    [InlineData("None")]
    [InlineData("NONE")]
    public void Alg_none_in_other_case_is_rejected(string alg)
    {
        using var key = Key(KeyType.Ed25519);
        var jwt = $"{Segment(new JsonObject { ["alg"] = alg })}.{Payload()}.";
        JwtVc.VerifySignature(jwt, key.PublicKey).Error.Should().Contain("is not allowed for a Ed25519 key");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Hs256_with_the_public_key_as_secret_is_rejected(KeyType type)
    {
        using var key = Key(type);
        // The classic key-confusion attack: HMAC keyed with the public key bytes (or its multikey text).
        foreach (var secret in new[] { key.PublicKey.Bytes.ToArray(), Encoding.UTF8.GetBytes(key.PublicKey.ToMultikey()) })
        {
            var hmacKey = new SymmetricSecurityKey(secret.Length >= 32 ? secret : [.. secret, .. new byte[32 - secret.Length]]);
            var jwt = new JsonWebTokenHandler().CreateToken(
                Encoding.UTF8.GetString(Base64Url.Decode(Payload())),
                new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256));
            var result = JwtVc.VerifySignature(jwt, key.PublicKey);
            result.Valid.Should().BeFalse();
            result.Error.Should().Contain("algorithm 'HS256' is not allowed");
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Rs256_is_rejected(KeyType type)
    {
        using var key = Key(type);
        using var rsa = RSA.Create(2048);
        var jwt = new JsonWebTokenHandler().CreateToken(
            Encoding.UTF8.GetString(Base64Url.Decode(Payload())),
            new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256));
        var result = JwtVc.VerifySignature(jwt, key.PublicKey);
        result.Valid.Should().BeFalse();
        result.Error.Should().Be($"algorithm 'RS256' is not allowed for a {KeyName(type)} key (expected '{key.PublicKey.JwsAlgorithm}')");
    }

    [Fact]
    public void Es256_token_against_ed25519_key_is_rejected()
    {
        using var p256 = Key(KeyType.P256);
        using var ed = Key(KeyType.Ed25519);
        var jwt = JwtVc.Sign(Credential(), p256, Kid);
        JwtVc.VerifySignature(jwt, ed.PublicKey).Error.Should().Be("algorithm 'ES256' is not allowed for a Ed25519 key (expected 'EdDSA')");
        var jwt2 = JwtVc.Sign(Credential(), ed, Kid);
        JwtVc.VerifySignature(jwt2, p256.PublicKey).Error.Should().Be("algorithm 'EdDSA' is not allowed for a P-256 key (expected 'ES256')");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Relabelled_alg_with_original_signature_is_rejected(KeyType type)
    {
        using var key = Key(type);
        var parts = JwtVc.Sign(Credential(), key, Kid).Split('.');
        var header = Decode(parts[0]);
        header["alg"] = type == KeyType.Ed25519 ? "ES256" : "EdDSA";
        var result = JwtVc.VerifySignature($"{Segment(header)}.{parts[1]}.{parts[2]}", key.PublicKey);
        result.Valid.Should().BeFalse();
        result.Error.Should().Contain("is not allowed");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Tampered_payload_is_rejected(KeyType type)
    {
        using var key = Key(type);
        var parts = JwtVc.Sign(Credential(), key, Kid).Split('.');
        var payload = Decode(parts[1]);
        payload["vc"]!["credentialSubject"]!["givenName"] = "Mallory";
        var result = JwtVc.VerifySignature($"{parts[0]}.{Segment(payload)}.{parts[2]}", key.PublicKey);
        result.Valid.Should().BeFalse();
        result.Error.Should().Be("signature does not match");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Tampered_header_kid_is_rejected(KeyType type)
    {
        using var key = Key(type);
        var parts = JwtVc.Sign(Credential(), key, Kid).Split('.');
        var header = Decode(parts[0]);
        header["kid"] = "did:web:evil.example#key-1";
        JwtVc.VerifySignature($"{Segment(header)}.{parts[1]}.{parts[2]}", key.PublicKey).Error.Should().Be("signature does not match");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Flipped_signature_bit_is_rejected(KeyType type)
    {
        using var key = Key(type);
        var parts = JwtVc.Sign(Credential(), key, Kid).Split('.');
        var sig = Base64Url.Decode(parts[2]);
        sig[5] ^= 0x01;
        JwtVc.VerifySignature($"{parts[0]}.{parts[1]}.{Base64Url.Encode(sig)}", key.PublicKey).Error.Should().Be("signature does not match");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Wrong_key_is_rejected(KeyType type)
    {
        using var key = Key(type);
        using var other = Key(type);
        var result = JwtVc.VerifySignature(JwtVc.Sign(Credential(), key, Kid), other.PublicKey);
        result.Valid.Should().BeFalse();
        result.Error.Should().Be("signature does not match");
    }

    [Fact]
    public void Der_encoded_es256_signature_is_rejected()
    {
        using var key = Key(KeyType.P256);
        var parts = JwtVc.Sign(Credential(), key, Kid).Split('.');
        var der = new byte[72];
        var result = JwtVc.VerifySignature($"{parts[0]}.{parts[1]}.{Base64Url.Encode(der)}", key.PublicKey);
        result.Error.Should().StartWith("signature does not match");
    }

    [Fact]
    public void Expired_token_still_has_a_valid_signature()
    {
        // Lifetime is the caller's check, not VerifySignature's.
        using var key = Key(KeyType.Ed25519);
        var credential = Credential();
        credential["issuanceDate"] = "2001-01-01T00:00:00Z";
        credential["expirationDate"] = "2002-01-01T00:00:00Z";
        JwtVc.VerifySignature(JwtVc.Sign(credential, key, Kid), key.PublicKey).Valid.Should().BeTrue();

        credential["issuanceDate"] = "2090-01-01T00:00:00Z";
        credential["expirationDate"] = "2091-01-01T00:00:00Z";
        JwtVc.VerifySignature(JwtVc.Sign(credential, key, Kid), key.PublicKey).Valid.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Embedded_attacker_jwk_in_header_is_ignored(KeyType type)
    {
        // RFC 8725 §3.10 style: the token names its own key; the verifier must use only the key it was given.
        using var key = Key(type);
        using var attacker = Key(type);
        var header = new JsonObject { ["alg"] = key.PublicKey.JwsAlgorithm, ["jwk"] = attacker.PublicKey.ToJwk(), ["kid"] = Kid };
        var h = Segment(header);
        var p = Payload();
        var sig = attacker.Sign(Encoding.ASCII.GetBytes(h + "." + p));
        var result = JwtVc.VerifySignature($"{h}.{p}.{Base64Url.Encode(sig)}", key.PublicKey);
        result.Valid.Should().BeFalse();
        result.Error.Should().Be("signature does not match");
        JwtVc.VerifySignature($"{h}.{p}.{Base64Url.Encode(sig)}", attacker.PublicKey).Valid.Should().BeTrue();
    }

    [Fact]
    public void Crit_header_is_rejected()
    {
        using var key = Key(KeyType.Ed25519);
        var header = new JsonObject { ["alg"] = "EdDSA", ["crit"] = new JsonArray("b64"), ["b64"] = false };
        var h = Segment(header);
        var p = Payload();
        var sig = key.Sign(Encoding.ASCII.GetBytes(h + "." + p));
        JwtVc.VerifySignature($"{h}.{p}.{Base64Url.Encode(sig)}", key.PublicKey).Error.Should().Contain("'crit'");
    }

    [Theory]
    [InlineData("", "token is empty")]
    [InlineData("abc", "token must have three segments (header.payload.signature), found 1")]
    [InlineData("a.b.c.d.e", "token must have three segments (header.payload.signature), found 5")]
    [InlineData("!!.e30.", "header segment is not valid base64url*")]
    [InlineData("bm90IGpzb24.e30.", "header is not valid JSON")]
    [InlineData("W10.e30.", "header is not a JSON object")]
    [InlineData("e30.e30.", "header has no string 'alg'")]
    [InlineData("eyJhbGciOjF9.e30.", "header has no string 'alg'")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.e30.", "signature does not match (expected 64 bytes, got 0)")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.e30.***", "signature segment is not valid base64url*")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.***.AAAA", "payload segment is not valid base64url*")]
    public void Malformed_tokens_give_reasons_and_never_throw(string jwt, string message)
    {
        using var key = Key(KeyType.Ed25519);
        var result = JwtVc.VerifySignature(jwt, key.PublicKey);
        result.Valid.Should().BeFalse();
        result.Error.Should().Match(message);
    }

    [Fact]
    public void Valid_signature_over_non_json_payload_is_handled()
    {
        using var key = Key(KeyType.Ed25519);
        var h = Segment(new JsonObject { ["alg"] = "EdDSA" });
        var p = Base64Url.Encode("not json"u8);
        var sig = key.Sign(Encoding.ASCII.GetBytes(h + "." + p));
        var result = JwtVc.VerifySignature($"{h}.{p}.{Base64Url.Encode(sig)}", key.PublicKey);
        result.Valid.Should().BeFalse();
        result.Error.Should().NotBeNull();
    }

    [Fact]
    public void Oversized_token_is_rejected()
    {
        using var key = Key(KeyType.Ed25519);
        var result = JwtVc.VerifySignature(new string('a', JwtVc.MaxCompactLength + 1), key.PublicKey);
        result.Error.Should().Contain("longer than the limit");
    }
}
