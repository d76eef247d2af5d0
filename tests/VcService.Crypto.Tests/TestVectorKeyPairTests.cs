using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Crypto;

namespace VcService.Crypto.Tests;

/// <summary>Key pairs from the W3C vc-di-eddsa and vc-di-ecdsa test vectors.</summary>
public class TestVectorKeyPairTests
{
    private const string SharedW3c = "/work/shared/w3c";

    public static TheoryData<string, KeyType> Files => new()
    {
        { "vc-di-eddsa/TestVectors/keyPair.json", KeyType.Ed25519 },
        { "vc-di-ecdsa/TestVectors/p256KeyPair.json", KeyType.P256 },
    };

    private static (string Public, string Private) Load(string file)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedW3c, file)))!.AsObject();
        var secret = (json["privateKeyMultibase"] ?? json["secretKeyMultibase"])!.GetValue<string>();
        return (json["publicKeyMultibase"]!.GetValue<string>(), secret);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Private_multikey_derives_the_public_multikey(string file, KeyType type)
    {
        var (publicMultibase, privateMultibase) = Load(file);
        using var key = SigningKey.FromPrivateMultikey(privateMultibase);
        key.Type.Should().Be(type);
        key.PublicKey.ToMultikey().Should().Be(publicMultibase);
        key.ToPrivateMultikey().Should().Be(privateMultibase);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Public_multikey_round_trips(string file, KeyType type)
    {
        var (publicMultibase, _) = Load(file);
        var key = PublicKey.FromMultikey(publicMultibase);
        key.Type.Should().Be(type);
        key.ToMultikey().Should().Be(publicMultibase);
        publicMultibase.Should().StartWith(type == KeyType.Ed25519 ? "z6Mk" : "zDn");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Key_pair_signs_and_verifies(string file, KeyType type)
    {
        _ = type;
        var (publicMultibase, privateMultibase) = Load(file);
        using var key = SigningKey.FromPrivateMultikey(privateMultibase);
        var signature = key.Sign("hello"u8);
        PublicKey.FromMultikey(publicMultibase).Verify("hello"u8, signature).Should().BeTrue();
    }
}
