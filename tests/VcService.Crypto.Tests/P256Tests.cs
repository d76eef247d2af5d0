using System.Security.Cryptography;
using FluentAssertions;
using VcService.Crypto;

namespace VcService.Crypto.Tests;

public class P256Tests
{
    // RFC 6979 A.2.5: P-256 key pair.
    private const string D = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
    private const string Ux = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
    private const string Uy = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";

    [Fact]
    public void Scalar_derives_the_rfc6979_public_point()
    {
        using var key = SigningKey.Import(KeyType.P256, Convert.FromHexString(D));
        // Uy is odd → prefix 0x03.
        Convert.ToHexStringLower(key.PublicKey.Bytes.Span).Should().Be("03" + Ux);
        var jwk = key.PublicKey.ToJwk();
        Convert.ToHexStringLower(Base64Url.Decode(jwk["x"]!.GetValue<string>())).Should().Be(Ux);
        Convert.ToHexStringLower(Base64Url.Decode(jwk["y"]!.GetValue<string>())).Should().Be(Uy);
    }

    [Fact]
    public void Uncompressed_and_compressed_forms_give_the_same_key()
    {
        var uncompressed = PublicKey.FromBytes(KeyType.P256, Convert.FromHexString("04" + Ux + Uy));
        var compressed = PublicKey.FromBytes(KeyType.P256, Convert.FromHexString("03" + Ux));
        uncompressed.Should().Be(compressed);
        uncompressed.Bytes.Length.Should().Be(33);
    }

    [Fact]
    public void Wrong_parity_prefix_gives_a_different_valid_point()
    {
        var even = PublicKey.FromBytes(KeyType.P256, Convert.FromHexString("02" + Ux));
        var odd = PublicKey.FromBytes(KeyType.P256, Convert.FromHexString("03" + Ux));
        even.Should().NotBe(odd);
    }

    [Fact]
    public void Point_off_the_curve_is_rejected()
    {
        var badY = Uy[..^1] + "8";
        var act = () => PublicKey.FromBytes(KeyType.P256, Convert.FromHexString("04" + Ux + badY));
        act.Should().Throw<ArgumentException>().WithMessage("*not on the curve*");
    }

    [Fact]
    public void Compressed_x_without_a_square_root_is_rejected()
    {
        // x = 5: 125 − 15 + b has no square root mod p for P-256 — or if it has, try neighbours.
        var rejected = 0;
        for (var x = 1; x < 20; x++)
        {
            var bytes = new byte[33];
            bytes[0] = 0x02;
            bytes[32] = (byte)x;
            try
            {
                PublicKey.FromBytes(KeyType.P256, bytes);
            }
            catch (ArgumentException e)
            {
                e.Message.Should().Contain("not on the curve");
                rejected++;
            }
        }

        rejected.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("02")]
    [InlineData("05" + Ux)]
    public void Bad_encodings_are_rejected(string hex)
    {
        var act = () => PublicKey.FromBytes(KeyType.P256, Convert.FromHexString(hex));
        act.Should().Throw<ArgumentException>().WithMessage("*P-256 public key*");
    }

    [Fact]
    public void Signature_is_p1363_and_verifies_with_dotnet()
    {
        using var key = SigningKey.Import(KeyType.P256, Convert.FromHexString(D));
        var signature = key.Sign("sample"u8);
        signature.Should().HaveCount(64);
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Convert.FromHexString(Ux), Y = Convert.FromHexString(Uy) },
        });
        ecdsa.VerifyData("sample"u8, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            .Should().BeTrue();
    }

    [Fact]
    public void Verifies_a_dotnet_signature()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ecdsa.ExportParameters(false);
        var pk = PublicKey.FromBytes(KeyType.P256, [0x04, .. p.Q.X!, .. p.Q.Y!]);
        var signature = ecdsa.SignData("data"u8, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        pk.Verify("data"u8, signature).Should().BeTrue();
        pk.Verify("datA"u8, signature).Should().BeFalse();
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Out_of_range_scalars_are_rejected(string hex)
    {
        var act = () => SigningKey.Import(KeyType.P256, Convert.FromHexString(hex));
        act.Should().Throw<ArgumentException>().WithMessage("*[1, n-1]*");
    }

    [Fact]
    public void Verification_is_correct_when_one_key_is_used_from_many_threads()
    {
        using var key = SigningKey.Generate(KeyType.P256);
        var publicKey = key.PublicKey;
        var data = "message"u8.ToArray();
        var signature = key.Sign(data);
        var tampered = (byte[])signature.Clone();
        tampered[5] ^= 1;

        var results = new bool[400];
        Parallel.For(0, results.Length, i => results[i] = publicKey.Verify(data, i % 2 == 0 ? signature : tampered));

        results.Where((_, i) => i % 2 == 0).Should().AllSatisfy(ok => ok.Should().BeTrue());
        results.Where((_, i) => i % 2 == 1).Should().AllSatisfy(ok => ok.Should().BeFalse());
    }
}
