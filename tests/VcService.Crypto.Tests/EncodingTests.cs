using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Crypto;

namespace VcService.Crypto.Tests;

public class EncodingTests
{
    // draft-msporny-base58 §5 examples.
    [Theory]
    [InlineData("Hello World!", "2NEpo7TZRRrLZSi2U")]
    [InlineData("The quick brown fox jumps over the lazy dog.", "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z")]
    public void Base58_spec_examples(string text, string encoded)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        Multibase.EncodeBase58Btc(bytes).Should().Be("z" + encoded);
        Multibase.DecodeBase58Btc("z" + encoded).Should().Equal(bytes);
    }

    [Fact]
    public void Base58_keeps_leading_zeros()
    {
        byte[] bytes = [0, 0, 0x28, 0x7f, 0xb4, 0xcd];
        Multibase.EncodeBase58Btc(bytes).Should().Be("z11233QC4");
        Multibase.DecodeBase58Btc("z11233QC4").Should().Equal(bytes);
        Multibase.DecodeBase58Btc("z").Should().BeEmpty();
    }

    [Fact]
    public void Base58_random_round_trips()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 70)];
            random.NextBytes(bytes);
            if (i % 5 == 0 && bytes.Length > 2)
            {
                bytes[0] = 0;
                bytes[1] = 0;
            }

            Multibase.DecodeBase58Btc(Multibase.EncodeBase58Btc(bytes)).Should().Equal(bytes);
        }
    }

    [Theory]
    [InlineData("z0abc", "*invalid character at position 1*")]
    [InlineData("zabcI", "*invalid character at position 4*")]
    [InlineData("zab l", "*invalid character*")]
    [InlineData("abc", "*prefix 'z'*")]
    [InlineData("", "*prefix 'z'*")]
    public void Bad_base58_is_a_format_error(string text, string message)
    {
        var act = () => Multibase.DecodeBase58Btc(text);
        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Base58_input_length_is_limited()
    {
        var act = () => Multibase.DecodeBase58Btc("z" + new string('2', 5000));
        act.Should().Throw<FormatException>().WithMessage("*longer than*");
    }

    [Fact]
    public void Base64url_round_trip_and_rfc4648_vectors()
    {
        Base64Url.Encode("foobar"u8).Should().Be("Zm9vYmFy");
        Base64Url.Encode("fo"u8).Should().Be("Zm8");
        Base64Url.Encode(new byte[] { 0xfb, 0xff }).Should().Be("-_8");
        Base64Url.Decode("-_8").Should().Equal(0xfb, 0xff);
        Multibase.EncodeBase64Url("fo"u8).Should().Be("uZm8");
        Multibase.DecodeBase64Url("uZm8").Should().Equal("fo"u8.ToArray());
        Multibase.Decode("uZm8").Should().Equal("fo"u8.ToArray());
        Multibase.Decode("z2NEpo7TZRRrLZSi2U").Should().Equal("Hello World!"u8.ToArray());
    }

    [Theory]
    [InlineData("Zm8=")]
    [InlineData("+/8")]
    [InlineData("Zm 8")]
    [InlineData("Z")]
    public void Bad_base64url_is_a_format_error(string text)
    {
        var act = () => Base64Url.Decode(text);
        act.Should().Throw<FormatException>().WithMessage("base64url:*");
    }

    [Fact]
    public void Unknown_multibase_prefix_is_named()
    {
        var act = () => Multibase.Decode("mZm8");
        act.Should().Throw<FormatException>().WithMessage("*unsupported prefix 'm'*");
    }
}
