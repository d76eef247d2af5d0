using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Crypto;

namespace VcService.Crypto.Tests;

public class MultikeyAndJwkTests
{
    private const string Ed25519Multikey = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private const string P256Multikey = "zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP";

    public static TheoryData<KeyType> Types => new() { KeyType.Ed25519, KeyType.P256 };

    [Theory]
    [MemberData(nameof(Types))]
    public void Multikey_round_trip(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var text = key.PublicKey.ToMultikey();
        text.Should().StartWith(type == KeyType.Ed25519 ? "z6Mk" : "zDn");
        PublicKey.FromMultikey(text).Should().Be(key.PublicKey);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Jwk_round_trip(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var jwk = key.PublicKey.ToJwk();
        if (type == KeyType.Ed25519)
        {
            jwk["kty"]!.GetValue<string>().Should().Be("OKP");
            jwk["crv"]!.GetValue<string>().Should().Be("Ed25519");
            jwk.ContainsKey("y").Should().BeFalse();
        }
        else
        {
            jwk["kty"]!.GetValue<string>().Should().Be("EC");
            jwk["crv"]!.GetValue<string>().Should().Be("P-256");
            Base64Url.Decode(jwk["y"]!.GetValue<string>()).Should().HaveCount(32);
        }

        jwk.ContainsKey("d").Should().BeFalse();
        jwk.ToJsonString().Should().NotContain("=");
        PublicKey.FromJwk(jwk).Should().Be(key.PublicKey);
    }

    [Fact]
    public void Rfc8037_appendix_a_jwk()
    {
        // RFC 8037 A.2 public key = RFC 8032 TEST 1.
        var jwk = new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" };
        var key = PublicKey.FromJwk(jwk);
        Convert.ToHexStringLower(key.Bytes.Span).Should().Be("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        key.ToJwk()["x"]!.GetValue<string>().Should().Be("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    }

    [Theory]
    [InlineData("""{"crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "*'kty'*")]
    [InlineData("""{"kty":"RSA","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "*kty 'RSA'*")]
    [InlineData("""{"kty":"OKP","crv":"X25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "*crv 'X25519'*")]
    [InlineData("""{"kty":"EC","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "*crv 'Ed25519'*kty 'EC'*")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUR"}""", "*'x' must decode to 32 bytes*")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo="}""", "*'x'*base64url*")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":5}""", "*'x' is missing or not a string*")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y"}""", "*'y'*")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y","y":"eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpg"}""", "*not on the curve*")]
    public void Bad_jwk_is_a_format_error_naming_the_member(string json, string message)
    {
        var act = () => PublicKey.FromJwk(JsonNode.Parse(json)!.AsObject());
        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Valid_p256_jwk_from_rfc6979_key()
    {
        var jwk = new JsonObject
        {
            ["kty"] = "EC", ["crv"] = "P-256",
            ["x"] = "YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y",
            ["y"] = "eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk",
        };
        PublicKey.FromJwk(jwk).Type.Should().Be(KeyType.P256);
    }

    [Theory]
    [InlineData("6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "*must start with 'z'*")]
    [InlineData("u7QE", "*must start with 'z'*")]
    [InlineData("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ0", "*invalid character*")]
    [InlineData("z2NEpo7TZRRrLZSi2U", "*unsupported multicodec header*")]
    [InlineData("z", "*unsupported multicodec header*")]
    public void Bad_public_multikey_is_a_format_error(string text, string message)
    {
        var act = () => PublicKey.FromMultikey(text);
        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void Ed25519_multikey_with_wrong_length_is_rejected(int length)
    {
        var text = Multibase.EncodeBase58Btc([0xed, 0x01, .. new byte[length]]);
        var act = () => PublicKey.FromMultikey(text);
        act.Should().Throw<FormatException>().WithMessage($"*Ed25519 key must be 32 bytes, got {length}*");
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // small order
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")] // identity
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")] // y = p-1: small order
    public void Ed25519_degenerate_points_are_rejected(string hex)
    {
        var act = () => PublicKey.FromBytes(KeyType.Ed25519, Convert.FromHexString(hex));
        act.Should().Throw<ArgumentException>().WithMessage("*not a valid curve point*");
        var multikey = () => PublicKey.FromMultikey(Multibase.EncodeBase58Btc([0xed, 0x01, .. Convert.FromHexString(hex)]));
        multikey.Should().Throw<FormatException>().WithMessage("*not a valid curve point*");
    }

    [Fact]
    public void P256_multikey_with_bad_point_is_rejected()
    {
        var bytes = Multibase.DecodeBase58Btc(P256Multikey);
        bytes[2] = 0x05; // SEC1 prefix must be 02/03
        var act = () => PublicKey.FromMultikey(Multibase.EncodeBase58Btc(bytes));
        act.Should().Throw<FormatException>().WithMessage("*P-256 public key*");
    }

    [Fact]
    public void Private_multikey_header_and_length_are_checked()
    {
        var pub = () => SigningKey.FromPrivateMultikey(Ed25519Multikey);
        pub.Should().Throw<FormatException>().WithMessage("*unsupported multicodec header*");

        var shortKey = Multibase.EncodeBase58Btc([0x80, 0x26, .. new byte[31]]);
        var act = () => SigningKey.FromPrivateMultikey(shortKey);
        act.Should().Throw<FormatException>().WithMessage("*Ed25519 key must be 32 bytes, got 31*");

        var bad = () => SigningKey.FromPrivateMultikey("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxl");
        bad.Should().Throw<FormatException>().WithMessage("*not valid base58btc*");

        var zeroScalar = Multibase.EncodeBase58Btc([0x86, 0x26, .. new byte[32]]);
        var p = () => SigningKey.FromPrivateMultikey(zeroScalar);
        p.Should().Throw<FormatException>().WithMessage("*[1, n-1]*");
    }

    [Fact]
    public void Equality_and_hash()
    {
        var a = PublicKey.FromMultikey(Ed25519Multikey);
        var b = PublicKey.FromMultikey(Ed25519Multikey);
        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Equals(PublicKey.FromMultikey(P256Multikey)).Should().BeFalse();
        a.ToString().Should().Contain(Ed25519Multikey);
    }
}
