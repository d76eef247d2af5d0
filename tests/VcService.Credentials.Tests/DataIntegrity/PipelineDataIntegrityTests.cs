using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.DataIntegrity;
using VcService.Credentials.Dids;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.Crypto;
using DI = VcService.Credentials.DataIntegrity.DataIntegrity;

namespace VcService.Credentials.Tests.DataIntegrity;

/// <summary>
/// Data Integrity through the verification pipeline, on VC 1.1 (ELM sample) and VC 2.0 documents,
/// with did:key and did:jwk issuers.
/// </summary>
public sealed class PipelineDataIntegrityTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static CredentialVerifier Verifier() => new(
        [new FormatCheck(), new SignatureCheck(VerificationMethodKeys.Offline()), new ValidityCheck()], new FixedTime(Now));

    private static JsonObject Elm(string issuer)
    {
        var path = Path.Combine(FindRepo(), "samples", "elm", "mc-ects-eqf.jsonld");
        var credential = TestVectors.Json(path);
        credential["issuer"]!["id"] = issuer;
        credential.Remove("expirationDate");
        return credential;
    }

    private static JsonObject Vc2(string issuer)
    {
        var credential = TestVectors.Json(Path.Combine(TestVectors.Eddsa, "unsigned.json"));
        credential["issuer"] = issuer;
        return credential;
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VcService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("VcService.sln not found");
    }

    public static TheoryData<string, bool, bool> Cases()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var suite in Cryptosuites.All)
        {
            foreach (var elm in new[] { true, false })
            {
                foreach (var jwk in new[] { true, false })
                {
                    data.Add(suite.Name, elm, jwk);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Signed_credentials_verify_and_tampered_ones_fail(string suiteName, bool elm, bool didJwk)
    {
        var suite = Cryptosuites.ByName(suiteName)!;
        using var key = SigningKey.Generate(suite.KeyType);
        var did = didJwk ? DidJwkResolver.ToDid(key.PublicKey) : "did:key:" + key.PublicKey.ToMultikey();
        var vm = didJwk ? did + "#0" : did + "#" + key.PublicKey.ToMultikey();
        var unsigned = elm ? Elm(did) : Vc2(did);
        var signed = DI.AddProof(unsigned, suite, key, new DataIntegrityProofOptions(vm, new DateTimeOffset(2025, 7, 16, 7, 30, 15, TimeSpan.Zero)));
        if (elm)
        {
            signed["@context"]!.AsArray().Select(c => c!.GetValue<string>()).Should().EndWith(DataIntegrityProof.ContextV2,
                "VC 1.1 contexts do not define DataIntegrityProof");
        }

        var report = await Verifier().VerifyAsync(signed, CancellationToken.None);
        report.Checks.Single(c => c.Check == CheckNames.Signature).Message.Should().Be($"Signed (Data Integrity, {suiteName} by {vm}).");
        report.Verified.Should().BeTrue();
        report.Format.Should().Be(CredentialFormats.DataIntegrity);

        var tampered = (JsonObject)signed.DeepClone();
        tampered["credentialSubject"]!["id"] = "did:example:someone-else";
        var failed = await Verifier().VerifyAsync(tampered, CancellationToken.None);
        failed.Verified.Should().BeFalse();
        failed.Checks.Single(c => c.Check == CheckNames.Signature).Message
            .Should().Be($"The Data Integrity proof ({suiteName}, {vm}) is not valid: signature does not match.");
    }

    [Fact]
    public async Task A_proof_by_a_key_that_is_not_the_issuers_fails()
    {
        using var issuerKey = SigningKey.Generate(KeyType.Ed25519);
        using var otherKey = SigningKey.Generate(KeyType.Ed25519);
        var issuer = "did:key:" + issuerKey.PublicKey.ToMultikey();
        var otherVm = "did:key:" + otherKey.PublicKey.ToMultikey() + "#" + otherKey.PublicKey.ToMultikey();
        var signed = DI.AddProof(Vc2(issuer), Cryptosuites.EddsaRdfc2022, otherKey, new DataIntegrityProofOptions(otherVm, Now));
        var report = await Verifier().VerifyAsync(signed, CancellationToken.None);
        report.Verified.Should().BeFalse();
        report.Checks.Single(c => c.Check == CheckNames.Signature).Message.Should().Contain("does not belong to the issuer");
    }

    [Fact]
    public async Task The_w3c_vector_with_an_https_issuer_is_not_accepted_by_the_pipeline()
    {
        var report = await Verifier().VerifyAsync(TestVectors.Json(Path.Combine(TestVectors.Eddsa, "eddsa-rdfc-2022", "signedDataInt.json")), CancellationToken.None);
        report.Verified.Should().BeFalse();
        report.Checks.Single(c => c.Check == CheckNames.Signature).Message.Should().Contain("does not belong to the issuer 'https://vc.example/issuers/5678'");
    }
}
