using System.IO.Compression;
using FluentAssertions;
using VcService.Credentials.Status;

namespace VcService.Status.Tests;

public sealed class BitstringStatusListTests
{
    // Bitstring Status List v1.0, example "Example BitstringStatusListCredential": the encodedList
    // of an empty list of 131,072 entries (16 KB of zeros).
    private const string SpecEmptyList = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    [Fact]
    public void Spec_example_empty_list_decodes_to_16384_zero_bytes()
    {
        var decoded = BitstringStatusList.Decode(SpecEmptyList);
        decoded.Error.Should().BeNull();
        decoded.List!.Length.Should().Be(131_072);
        decoded.List.Bytes.Length.Should().Be(16_384);
        decoded.List.Bytes.ToArray().Should().OnlyContain(b => b == 0);
    }

    [Fact]
    public void StatusList2021_form_without_prefix_decodes_the_same()
    {
        var decoded = BitstringStatusList.Decode(SpecEmptyList[1..], EncodedListForm.Base64Url);
        decoded.List!.Bytes.Length.Should().Be(16_384);
        BitstringStatusList.Decode(SpecEmptyList[1..], EncodedListForm.Multibase).Error.Should().StartWith("MALFORMED_VALUE_ERROR");
    }

    [Fact]
    public void Our_encoding_of_an_empty_list_decodes_to_16384_zero_bytes()
    {
        var encoded = new BitstringStatusList().Encode();
        encoded.Should().StartWith("uH4sI");
        encoded.Should().NotContain("=").And.NotContain("+").And.NotContain("/");
        var decoded = BitstringStatusList.Decode(encoded);
        decoded.List!.Bytes.ToArray().Should().HaveCount(16_384).And.OnlyContain(b => b == 0);
    }

    [Fact]
    public void Index_zero_is_the_leftmost_bit_of_the_first_byte()
    {
        var list = new BitstringStatusList();
        list.Set(0, true);
        list.Set(9, true);
        list.Set(131_071, true);
        list.Bytes[0].Should().Be(0b1000_0000);
        list.Bytes[1].Should().Be(0b0100_0000);
        list.Bytes[16_383].Should().Be(0b0000_0001);
        list.SetIndices().Should().Equal(0, 9, 131_071);
        list.Set(9, false);
        list.Get(9).Should().BeFalse();
        list.SetIndices().Should().Equal(0, 131_071);
    }

    [Fact]
    public void Round_trip_keeps_exactly_the_bits_set()
    {
        var list = new BitstringStatusList();
        var random = new Random(5);
        var set = Enumerable.Range(0, 500).Select(_ => random.Next(list.Length)).Distinct().Order().ToList();
        foreach (var i in set)
            list.Set(i, true);
        foreach (var form in new[] { EncodedListForm.Multibase, EncodedListForm.Base64Url })
            BitstringStatusList.Decode(list.Encode(form), form).List!.SetIndices().Should().Equal(set);
    }

    [Fact]
    public void Gzip_bomb_is_refused_by_the_size_limit()
    {
        var huge = new BitstringStatusList(64 * 1024 * 1024).Encode(); // 8 MiB of zeros, a few KB compressed
        huge.Length.Should().BeLessThan(20_000);
        var decoded = BitstringStatusList.Decode(huge, maxDecodedBytes: 1024 * 1024);
        decoded.Success.Should().BeFalse();
        decoded.Error.Should().Contain("exceeds the limit of 1048576 bytes");
    }

    [Fact]
    public void A_list_below_the_minimum_length_is_a_length_error()
    {
        var small = new BitstringStatusList(1024).Encode();
        BitstringStatusList.Decode(small).Error.Should().StartWith("STATUS_LIST_LENGTH_ERROR");
        BitstringStatusList.Decode(small, enforceMinimumLength: false).List!.Length.Should().Be(1024);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("u!!!", "not valid unpadded base64url")]
    [InlineData("uH4sIAA==", "not valid unpadded base64url")]
    [InlineData("uAAAAAAAAAAA", "not GZIP")]
    [InlineData("zH4sI", "prefix 'z'")]
    public void Malformed_values_are_errors_not_exceptions(string? encoded, string expected)
    {
        var decoded = BitstringStatusList.Decode(encoded);
        decoded.Success.Should().BeFalse();
        decoded.Error.Should().StartWith("MALFORMED_VALUE_ERROR").And.Contain(expected);
    }

    [Fact]
    public void Truncated_gzip_is_an_error()
    {
        var encoded = new BitstringStatusList().Encode();
        BitstringStatusList.Decode(encoded[..^6]).Success.Should().BeFalse();
    }

    [Fact]
    public void Encoding_is_gzip_per_rfc1952()
    {
        var encoded = new BitstringStatusList().Encode(EncodedListForm.Base64Url);
        var bytes = Convert.FromBase64String(encoded.Replace('-', '+').Replace('_', '/') + new string('=', (4 - encoded.Length % 4) % 4));
        bytes[0].Should().Be(0x1f);
        bytes[1].Should().Be(0x8b);
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        output.Length.Should().Be(16_384);
    }

    [Fact]
    public void Index_outside_the_list_throws_for_callers_with_a_bug()
    {
        var list = new BitstringStatusList();
        var act = () => list.Get(131_072);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*RANGE_ERROR*");
    }
}
