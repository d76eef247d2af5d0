using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.DataIntegrity;
using VcService.Crypto;
using DI = VcService.Credentials.DataIntegrity.DataIntegrity;

namespace VcService.Credentials.Tests.DataIntegrity;

/// <summary>Known-answer tests from the W3C vc-di-eddsa test vectors (eddsa-jcs-2022).</summary>
public sealed class EddsaJcs2022VectorTests
{
    private static readonly string Dir = Path.Combine(TestVectors.Eddsa, "eddsa-jcs-2022");
    private readonly ICryptosuite _suite = Cryptosuites.EddsaJcs2022;
    private readonly JsonObject _unsigned = TestVectors.Json(Path.Combine(TestVectors.Eddsa, "unsigned.json"));
    private readonly JsonObject _proofConfig = TestVectors.Json(Path.Combine(Dir, "proofConfigJCS.json"));

    [Fact]
    public void Transformation_gives_the_canonical_document()
    {
        _suite.Transform(_unsigned, _proofConfig).Should().Be(TestVectors.Text(Path.Combine(Dir, "canonDocJCS.txt")));
    }

    [Fact]
    public void Proof_configuration_gives_the_canonical_proof_config()
    {
        _suite.ConfigureProof(_proofConfig, _unsigned).Should().Be(TestVectors.Text(Path.Combine(Dir, "proofCanonJCS.txt")));
    }

    [Fact]
    public void Hashing_and_signature_match()
    {
        using var key = TestVectors.Key(TestVectors.Json(Path.Combine(TestVectors.Eddsa, "keyPair.json")));
        var hash = _suite.Hash(_suite.Transform(_unsigned, _proofConfig), _suite.ConfigureProof(_proofConfig, _unsigned));
        Convert.ToHexStringLower(hash.AsSpan(0, 32)).Should().Be(TestVectors.Hex(Path.Combine(Dir, "proofHashJCS.txt")));
        Convert.ToHexStringLower(hash.AsSpan(32)).Should().Be(TestVectors.Hex(Path.Combine(Dir, "docHashJCS.txt")));
        Convert.ToHexStringLower(hash).Should().Be(TestVectors.Hex(Path.Combine(Dir, "combinedHashJCS.txt")));
        var signature = _suite.SerializeProof(hash, key);
        Convert.ToHexStringLower(signature).Should().Be(TestVectors.Hex(Path.Combine(Dir, "sigHexJCS.txt")));
        Multibase.EncodeBase58Btc(signature).Should().Be(TestVectors.Hex(Path.Combine(Dir, "sigBTC58JCS.txt")));
    }

    [Fact]
    public void Add_proof_reproduces_the_signed_vector_exactly()
    {
        using var key = TestVectors.Key(TestVectors.Json(Path.Combine(TestVectors.Eddsa, "keyPair.json")));
        var options = new DataIntegrityProofOptions(
            _proofConfig["verificationMethod"]!.GetValue<string>(),
            DateTimeOffset.Parse(_proofConfig["created"]!.GetValue<string>()));
        var signed = DI.AddProof(_unsigned, _suite, key, options);
        JsonNode.DeepEquals(signed, TestVectors.Json(Path.Combine(Dir, "signedJCS.json"))).Should().BeTrue(signed.ToJsonString());
    }

    [Fact]
    public async Task The_signed_vector_verifies_and_a_changed_claim_does_not()
    {
        var signed = TestVectors.Json(Path.Combine(Dir, "signedJCS.json"));
        (await TestVectors.VerifyAsync(signed)).Verified.Should().BeTrue();
        signed["name"] = "Alumni Credential!";
        var tampered = await TestVectors.VerifyAsync(signed);
        tampered.Verified.Should().BeFalse();
        tampered.Error.Should().Be("signature does not match");
    }

    [Fact]
    public async Task A_proof_context_that_is_not_a_prefix_of_the_document_context_fails()
    {
        var signed = TestVectors.Json(Path.Combine(Dir, "signedJCS.json"));
        signed["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2");
        var result = await TestVectors.VerifyAsync(signed);
        result.Verified.Should().BeFalse();
        result.Error.Should().Contain("@context");
    }
}
