using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.DataIntegrity;
using VcService.Crypto;
using DI = VcService.Credentials.DataIntegrity.DataIntegrity;

namespace VcService.Credentials.Tests.DataIntegrity;

/// <summary>Each way a proof can be wrong fails verification, and the error names the failing step.</summary>
public sealed class NegativeTests
{
    private static readonly string RdfcDir = Path.Combine(TestVectors.Eddsa, "eddsa-rdfc-2022");

    private static JsonObject Signed() => TestVectors.Json(Path.Combine(RdfcDir, "signedDataInt.json"));

    private static JsonObject Proof(JsonObject document) => (JsonObject)document["proof"]!;

    private static async Task<string?> ErrorOf(JsonObject document, DataIntegrityVerifyOptions? options = null)
    {
        var result = await TestVectors.VerifyAsync(document, options);
        result.Verified.Should().BeFalse();
        return result.Error;
    }

    [Fact]
    public async Task Changed_claim()
    {
        var document = Signed();
        document["credentialSubject"]!["alumniOf"] = "The School of Fakes";
        (await ErrorOf(document)).Should().Be("signature does not match");
    }

    [Theory]
    [InlineData("created", "2023-02-24T23:36:39Z")]
    [InlineData("verificationMethod", "did:key:z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7#z6MktgKTsu1QhX6QPbyqG6geXdw6FQCZBPq7uQpieWbiQiG7")]
    [InlineData("domain", "example.org")]
    public async Task Changed_proof_option(string name, string value)
    {
        var document = Signed();
        Proof(document)[name] = value;
        (await ErrorOf(document)).Should().Be("signature does not match");
    }

    [Fact]
    public async Task Wrong_proof_purpose()
    {
        var document = Signed();
        Proof(document)["proofPurpose"] = "authentication";
        (await ErrorOf(document)).Should().Be("proofPurpose 'authentication' does not match expected 'assertionMethod'");
    }

    [Fact]
    public async Task Proof_purpose_the_verifier_does_not_expect()
    {
        var result = await TestVectors.VerifyAsync(Signed(), TestVectors.Options with { ExpectedProofPurpose = "authentication" });
        result.Verified.Should().BeFalse();
        result.Proofs[0].ErrorCode.Should().Be(DataIntegrityErrorCodes.MismatchedProofPurposeError);
    }

    [Fact]
    public async Task Missing_proof_value()
    {
        var document = Signed();
        Proof(document).Remove("proofValue");
        (await ErrorOf(document)).Should().Be("proofValue is missing");
    }

    [Fact]
    public async Task Missing_proof()
    {
        var document = Signed();
        document.Remove("proof");
        (await ErrorOf(document)).Should().Be("proof is missing");
    }

    [Fact]
    public async Task Unknown_cryptosuite()
    {
        var document = Signed();
        Proof(document)["cryptosuite"] = "x";
        (await ErrorOf(document)).Should().Be("unknown cryptosuite 'x'");
    }

    [Fact]
    public async Task Cryptosuite_not_accepted()
    {
        var options = TestVectors.Options with { AcceptedCryptosuites = ["eddsa-jcs-2022"] };
        (await ErrorOf(Signed(), options)).Should().Be("cryptosuite 'eddsa-rdfc-2022' is not accepted here");
    }

    [Theory]
    [InlineData("not-multibase", "proofValue is not a base58btc multibase value")]
    [InlineData("z0OIl", "proofValue is not a base58btc multibase value")]
    [InlineData("z2YwC8z3ap7", "signature does not match")]
    public async Task Malformed_proof_value(string proofValue, string error)
    {
        var document = Signed();
        Proof(document)["proofValue"] = proofValue;
        (await ErrorOf(document)).Should().StartWith(error);
    }

    [Fact]
    public async Task Proof_value_of_the_wrong_kind()
    {
        var document = Signed();
        Proof(document)["proofValue"] = 42;
        (await ErrorOf(document)).Should().Be("proofValue is not a string");
    }

    [Fact]
    public async Task A_term_the_context_drops_is_a_safe_mode_error_not_a_silent_drop()
    {
        // Only the VC 2.0 context (no @vocab): 'favouriteColour' is not defined, so RDFC-1.0 would
        // leave it out of the signed data; safe mode refuses, both at signing and at verification.
        var document = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:subject" },
        };
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var vm = "did:key:" + key.PublicKey.ToMultikey() + "#" + key.PublicKey.ToMultikey();
        var signed = DI.AddProof(document, Cryptosuites.EddsaRdfc2022, key, new DataIntegrityProofOptions(vm, DateTimeOffset.UnixEpoch));
        (await TestVectors.VerifyAsync(signed)).Verified.Should().BeTrue();

        signed["credentialSubject"]!["favouriteColour"] = "blue";
        (await ErrorOf(signed)).Should().StartWith("safe mode: ").And.Contain("'favouriteColour'");

        var unsigned = (JsonObject)signed.DeepClone();
        unsigned.Remove("proof");
        var act = () => DI.AddProof(unsigned, Cryptosuites.EddsaRdfc2022, key, new DataIntegrityProofOptions(vm, DateTimeOffset.UnixEpoch));
        act.Should().Throw<DataIntegrityException>().Which.Message.Should().Contain("favouriteColour");
    }

    [Fact]
    public async Task An_undefined_term_in_the_proof_is_a_safe_mode_error()
    {
        // The VC 2.0 context has no @vocab: an option the DataIntegrityProof context does not define would go unsigned.
        var document = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:subject" },
        };
        using var key = SigningKey.Generate(KeyType.P256);
        var vm = "did:key:" + key.PublicKey.ToMultikey() + "#" + key.PublicKey.ToMultikey();
        var signed = DI.AddProof(document, Cryptosuites.EcdsaRdfc2019, key, new DataIntegrityProofOptions(vm, DateTimeOffset.UnixEpoch));
        (await TestVectors.VerifyAsync(signed)).Verified.Should().BeTrue();
        Proof(signed)["unknownProofOption"] = "x";
        (await ErrorOf(signed)).Should().StartWith("safe mode: ").And.Contain("unknownProofOption");
    }

    [Fact]
    public async Task Key_of_the_wrong_type_for_the_suite()
    {
        var document = Signed();
        Proof(document)["cryptosuite"] = "ecdsa-rdfc-2019";
        (await ErrorOf(document)).Should().Contain("needs P256");
    }

    [Fact]
    public async Task Unresolvable_verification_method()
    {
        var document = Signed();
        Proof(document)["verificationMethod"] = "did:web:example.com#key-1";
        (await ErrorOf(document)).Should().StartWith("verification method 'did:web:example.com#key-1': No resolver is configured");
    }

    [Fact]
    public async Task Expired_proof_and_challenge_and_domain()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var vm = "did:key:" + key.PublicKey.ToMultikey() + "#" + key.PublicKey.ToMultikey();
        var unsigned = TestVectors.Json(Path.Combine(TestVectors.Eddsa, "unsigned.json"));
        var signed = DI.AddProof(unsigned, Cryptosuites.EddsaJcs2022, key, new DataIntegrityProofOptions(
            vm, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Expires: new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero),
            Challenge: "abc", Domain: "verifier.example"));
        var within = TestVectors.Options with { Now = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), Challenge = "abc", Domain = "verifier.example" };
        (await TestVectors.VerifyAsync(signed, within)).Verified.Should().BeTrue();
        (await ErrorOf(signed, within with { Now = new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero) })).Should().Be("the proof expired at 2024-06-01T00:00:00Z");
        (await ErrorOf(signed, within with { Challenge = "xyz" })).Should().Be("challenge does not match the expected challenge");
        (await ErrorOf(signed, within with { Domain = "other.example" })).Should().Be("domain does not match expected 'other.example'");
    }

    [Theory]
    [InlineData("{\"proof\": 5}", "proof is not a JSON object")]
    [InlineData("{\"proof\": []}", "proof is an empty list")]
    [InlineData("{\"proof\": {\"type\": \"Ed25519Signature2020\"}}", "proof type 'Ed25519Signature2020' is not supported (expected 'DataIntegrityProof')")]
    [InlineData("{\"proof\": {\"type\": \"DataIntegrityProof\", \"cryptosuite\": \"eddsa-rdfc-2022\", \"proofPurpose\": \"assertionMethod\"}}", "verificationMethod is missing")]
    [InlineData("{\"@context\": 7, \"proof\": {\"type\": \"DataIntegrityProof\", \"cryptosuite\": \"eddsa-rdfc-2022\", \"proofPurpose\": \"assertionMethod\", \"verificationMethod\": \"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2\", \"proofValue\": \"z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZme\"}}", "JSON-LD processing failed")]
    public async Task Hostile_documents_give_results_not_exceptions(string json, string error)
    {
        (await ErrorOf((JsonObject)JsonNode.Parse(json)!)).Should().StartWith(error);
    }
}
