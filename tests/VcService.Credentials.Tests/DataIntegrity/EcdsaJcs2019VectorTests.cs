using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.DataIntegrity;
using VcService.Crypto;
using DI = VcService.Credentials.DataIntegrity.DataIntegrity;

namespace VcService.Credentials.Tests.DataIntegrity;

/// <summary>W3C vc-di-ecdsa test vectors (ecdsa-jcs-2019, P-256).</summary>
public sealed class EcdsaJcs2019VectorTests
{
    private static readonly string Dir = Path.Combine(TestVectors.Ecdsa, "ecdsa-jcs-2019-p256");
    private readonly ICryptosuite _suite = Cryptosuites.EcdsaJcs2019;
    private readonly JsonObject _unsigned = TestVectors.Json(Path.Combine(TestVectors.Ecdsa, "unsigned.json"));
    private readonly JsonObject _proofConfig = TestVectors.Json(Path.Combine(Dir, "proofConfigJCSECDSAP256.json"));

    [Fact]
    public void Intermediates_are_reproduced_and_the_vector_signature_verifies()
    {
        var canonical = _suite.Transform(_unsigned, _proofConfig);
        canonical.Should().Be(TestVectors.Text(Path.Combine(Dir, "canonDocJCSECDSAP256.txt")));
        var proofCanon = _suite.ConfigureProof(_proofConfig, _unsigned);
        proofCanon.Should().Be(TestVectors.Text(Path.Combine(Dir, "proofCanonJCSECDSAP256.txt")));
        var hash = _suite.Hash(canonical, proofCanon);
        Convert.ToHexStringLower(hash.AsSpan(0, 32)).Should().Be(TestVectors.Hex(Path.Combine(Dir, "proofHashJCSECDSAP256.txt")));
        Convert.ToHexStringLower(hash.AsSpan(32)).Should().Be(TestVectors.Hex(Path.Combine(Dir, "docHashJCSECDSAP256.txt")));
        Convert.ToHexStringLower(hash).Should().Be(TestVectors.Hex(Path.Combine(Dir, "combinedHashJCSECDSAP256.txt")));
        var key = PublicKey.FromMultikey(TestVectors.Json(Path.Combine(TestVectors.Ecdsa, "p256KeyPair.json"))["publicKeyMultibase"]!.GetValue<string>());
        _suite.VerifySignature(hash, Convert.FromHexString(TestVectors.Hex(Path.Combine(Dir, "sigHexJCSECDSAP256.txt"))), key).Should().BeTrue();
    }

    [Fact]
    public async Task The_signed_vector_verifies_tampered_fails_and_a_new_proof_verifies()
    {
        var signed = TestVectors.Json(Path.Combine(Dir, "signedJCSECDSAP256.json"));
        (await TestVectors.VerifyAsync(signed)).Verified.Should().BeTrue();
        signed["validFrom"] = "2023-01-02T00:00:00Z";
        (await TestVectors.VerifyAsync(signed)).Error.Should().Be("signature does not match");

        using var signingKey = TestVectors.Key(TestVectors.Json(Path.Combine(TestVectors.Ecdsa, "p256KeyPair.json")));
        var again = DI.AddProof(_unsigned, _suite, signingKey, new DataIntegrityProofOptions(
            _proofConfig["verificationMethod"]!.GetValue<string>(), DateTimeOffset.Parse(_proofConfig["created"]!.GetValue<string>())));
        (await TestVectors.VerifyAsync(again)).Verified.Should().BeTrue();
    }
}
