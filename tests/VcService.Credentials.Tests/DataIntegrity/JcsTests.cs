using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.DataIntegrity;

namespace VcService.Credentials.Tests.DataIntegrity;

/// <summary>RFC 8785 (JSON Canonicalization Scheme) examples.</summary>
public sealed class JcsTests
{
    [Fact]
    public void Rfc8785_section_3_2_2_example()
    {
        var input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        Jcs.Canonicalize(JsonNode.Parse(input)).Should().Be(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    [Fact]
    public void Rfc8785_section_3_2_3_sorting_by_utf16_code_units()
    {
        var input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;
        var values = JsonNode.Parse(Jcs.Canonicalize(JsonNode.Parse(input)))!.AsObject().Select(p => p.Value!.GetValue<string>());
        values.Should().Equal("Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
            "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh");
    }

    [Fact]
    public void Rfc8785_section_3_2_4_utf8_output()
    {
        var bytes = Jcs.CanonicalizeToUtf8(JsonNode.Parse("{\"Unnormalized Unicode\":\"A\\u030a\"}"));
        Convert.ToHexStringLower(bytes).Should().Be("7b22556e6e6f726d616c697a656420556e69636f6465223a2241cc8a227d");
        Encoding.UTF8.GetString(bytes).Should().Be("{\"Unnormalized Unicode\":\"A\u030a\"}");
    }

    // RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical serialization.
    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Rfc8785_appendix_b_numbers(ulong bits, string expected)
    {
        Jcs.SerializeNumber(BitConverter.UInt64BitsToDouble(bits)).Should().Be(expected);
    }

    [Fact]
    public void Non_finite_numbers_and_lone_surrogates_are_refused()
    {
        FluentActions.Invoking(() => Jcs.SerializeNumber(double.NaN)).Should().Throw<FormatException>();
        FluentActions.Invoking(() => Jcs.Canonicalize(JsonValue.Create("\ud800"))).Should().Throw<FormatException>();
        FluentActions.Invoking(() => Jcs.Canonicalize(JsonNode.Parse("[1e400]"))).Should().Throw<FormatException>();
    }
}
