using FluentAssertions;
using VcService.Crypto;

namespace VcService.Crypto.Tests;

/// <summary>Behaviour every key type must share.</summary>
public class SigningKeyContractTests
{
    public static TheoryData<KeyType> Types => new() { KeyType.Ed25519, KeyType.P256 };

    [Theory]
    [MemberData(nameof(Types))]
    public void Sign_then_verify(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var data = "the quick brown fox"u8.ToArray();
        var signature = key.Sign(data);
        signature.Should().HaveCount(64);
        key.PublicKey.Verify(data, signature).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Span_sign_writes_64_bytes(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        Span<byte> buffer = stackalloc byte[80];
        var written = key.Sign("x"u8, buffer);
        written.Should().Be(64);
        key.PublicKey.Verify("x"u8, buffer[..written]).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Span_sign_rejects_a_short_buffer(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var act = () => key.Sign("x"u8, new byte[63]);
        act.Should().Throw<ArgumentException>().WithMessage("*at least 64 bytes*");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Tampered_data_fails(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var signature = key.Sign("message"u8);
        key.PublicKey.Verify("messagE"u8, signature).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Tampered_signature_fails(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var signature = key.Sign("message"u8);
        signature[10] ^= 0x80;
        key.PublicKey.Verify("message"u8, signature).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Wrong_key_fails(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        using var other = SigningKey.Generate(type);
        other.PublicKey.Verify("m"u8, key.Sign("m"u8)).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Malformed_signatures_return_false(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var pk = key.PublicKey;
        pk.Verify("m"u8, []).Should().BeFalse();
        pk.Verify("m"u8, new byte[63]).Should().BeFalse();
        pk.Verify("m"u8, new byte[64]).Should().BeFalse();
        pk.Verify("m"u8, new byte[65]).Should().BeFalse();
        pk.Verify("m"u8, Enumerable.Repeat((byte)0xff, 64).ToArray()).Should().BeFalse();
        // DER-encoded ECDSA signatures are not accepted in place of P1363.
        pk.Verify("m"u8, new byte[72]).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Export_import_round_trip(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var raw = key.ExportPrivateKey();
        raw.Should().HaveCount(32);
        using var again = SigningKey.Import(type, raw);
        again.PublicKey.Should().Be(key.PublicKey);
        key.PublicKey.Verify("m"u8, again.Sign("m"u8)).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Private_multikey_round_trip(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var text = key.ToPrivateMultikey();
        using var again = SigningKey.FromPrivateMultikey(text);
        again.Type.Should().Be(type);
        again.PublicKey.Should().Be(key.PublicKey);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Import_rejects_wrong_length_without_echoing_bytes(KeyType type)
    {
        var secret = Enumerable.Repeat((byte)0xab, 31).ToArray();
        var act = () => SigningKey.Import(type, secret);
        act.Should().Throw<ArgumentException>()
            .WithMessage("*expected 32 bytes, got 31*")
            .Which.Message.Should().NotContainAny("ab", "AB", "q6ur");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void ToString_reveals_no_secret(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var raw = key.ExportPrivateKey();
        var text = key.ToString();
        text.Should().NotContain(Convert.ToHexString(raw)).And.NotContain(Convert.ToHexStringLower(raw))
            .And.NotContain(Convert.ToBase64String(raw)).And.NotContain(Base64Url.Encode(raw))
            .And.NotContain(key.ToPrivateMultikey());
        text.Should().Contain(key.PublicKey.ToMultikey());
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Dispose_zeroes_and_blocks_use(KeyType type)
    {
        var key = SigningKey.Generate(type);
        key.Dispose();
        key.Invoking(k => k.Sign("m"u8)).Should().Throw<ObjectDisposedException>();
        key.Invoking(k => k.ExportPrivateKey()).Should().Throw<ObjectDisposedException>();
        key.Dispose(); // idempotent
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Generate_gives_distinct_keys(KeyType type)
    {
        using var a = SigningKey.Generate(type);
        using var b = SigningKey.Generate(type);
        a.PublicKey.Should().NotBe(b.PublicKey);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Jws_algorithm_follows_key_type(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        key.PublicKey.JwsAlgorithm.Should().Be(type == KeyType.Ed25519 ? "EdDSA" : "ES256");
    }
}

public class SigningKeyConcurrencyTests
{
    [Theory]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.P256)]
    public void Parallel_sign_and_verify(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var failures = 0;
        Parallel.For(0, 200, i =>
        {
            var data = BitConverter.GetBytes(i);
            if (!key.PublicKey.Verify(data, key.Sign(data)))
            {
                Interlocked.Increment(ref failures);
            }
        });
        failures.Should().Be(0);
    }
}
