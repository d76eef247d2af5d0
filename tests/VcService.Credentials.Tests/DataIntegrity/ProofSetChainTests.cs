using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.DataIntegrity;
using DI = VcService.Credentials.DataIntegrity.DataIntegrity;

namespace VcService.Credentials.Tests.DataIntegrity;

/// <summary>Proof sets and chains (VC Data Integrity 1.0 §4.3, §4.5) from the vc-di-eddsa proof-set-chain vectors.</summary>
public sealed class ProofSetChainTests
{
    private static readonly string Dir = Path.Combine(TestVectors.Eddsa, "proof-set-chain");
    private static readonly JsonObject Keys = TestVectors.Json(Path.Combine(Dir, "multiKeyPairs.json"));

    [Theory]
    [InlineData("signedProofSet1.json", 1)]
    [InlineData("signedProofSet2.json", 2)]
    [InlineData("signedProofChain1.json", 3)]
    [InlineData("signedProofChain2.json", 4)]
    public async Task Signed_vectors_verify(string file, int proofs)
    {
        var result = await TestVectors.VerifyAsync(TestVectors.Json(Path.Combine(Dir, file)));
        result.Error.Should().BeNull();
        result.Verified.Should().BeTrue();
        result.Proofs.Should().HaveCount(proofs).And.OnlyContain(p => p.Verified);
    }

    [Fact]
    public void Adding_the_set_and_chain_proofs_reproduces_every_vector_byte_for_byte()
    {
        var document = TestVectors.Json(Path.Combine(Dir, "unsigned.json"));
        var steps = new (string Config, string Key, string Expected)[]
        {
            ("proofSetConfig1.json", "keyPair1", "signedProofSet1.json"),
            ("proofSetConfig2.json", "keyPair2", "signedProofSet2.json"),
            ("proofChainConfig1.json", "keyPair3", "signedProofChain1.json"),
            ("proofChainConfig2.json", "keyPair4", "signedProofChain2.json"),
        };
        foreach (var (configFile, keyName, expectedFile) in steps)
        {
            var config = TestVectors.Json(Path.Combine(Dir, configFile));
            using var key = TestVectors.Key((JsonObject)Keys[keyName]!);
            var previous = CredentialsPrevious(config);
            var options = new DataIntegrityProofOptions(
                config["verificationMethod"]!.GetValue<string>(),
                DateTimeOffset.Parse(config["created"]!.GetValue<string>()),
                Id: config["id"]?.GetValue<string>(),
                PreviousProof: previous);
            document = DI.AddProof(document, Cryptosuites.EddsaRdfc2022, key, options);
            JsonNode.DeepEquals(document, TestVectors.Json(Path.Combine(Dir, expectedFile))).Should().BeTrue($"{expectedFile}: {document.ToJsonString()}");
        }
    }

    [Fact]
    public async Task A_chain_proof_whose_previous_proof_is_gone_fails()
    {
        var document = TestVectors.Json(Path.Combine(Dir, "signedProofChain2.json"));
        ((JsonArray)document["proof"]!).RemoveAt(2);
        var result = await TestVectors.VerifyAsync(document);
        result.Verified.Should().BeFalse();
        result.Error.Should().Contain("previousProof 'urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23' is not in the proof set");
    }

    [Fact]
    public async Task One_bad_proof_in_a_set_fails_the_document_and_names_the_proof()
    {
        var document = TestVectors.Json(Path.Combine(Dir, "signedProofSet2.json"));
        document["proof"]![1]!["created"] = "2024-01-01T00:00:00Z";
        var result = await TestVectors.VerifyAsync(document);
        result.Verified.Should().BeFalse();
        result.Proofs[0].Verified.Should().BeTrue();
        result.Error.Should().Be("proof 1 ('urn:uuid:8cc9022b-6b14-4cf3-8571-74972c5feb54'): signature does not match");
    }

    private static IReadOnlyList<string>? CredentialsPrevious(JsonObject config) => config["previousProof"] switch
    {
        JsonArray a => a.Select(n => n!.GetValue<string>()).ToList(),
        JsonValue v => [v.GetValue<string>()],
        _ => null,
    };
}
