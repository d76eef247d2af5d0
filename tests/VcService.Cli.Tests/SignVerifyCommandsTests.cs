using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.Cli.Tests;

public sealed class SignVerifyCommandsTests : IDisposable
{
    private readonly List<string> _tempFiles = [];
    private static readonly string Shared = FindShared();
    private static readonly string Eddsa = Path.Combine(Shared, "w3c/vc-di-eddsa/TestVectors");
    private static readonly string Ecdsa = Path.Combine(Shared, "w3c/vc-di-ecdsa/TestVectors");

    public void Dispose() => _tempFiles.ForEach(File.Delete);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("eddsa-rdfc-2022", "eddsa-rdfc-2022/signedDataInt.json")]
    [InlineData("eddsa-jcs-2022", "eddsa-jcs-2022/signedJCS.json")]
    public void Sign_reproduces_the_w3c_signed_vector(string suite, string expected)
    {
        var (exit, stdout, stderr) = Run("sign", "--suite", suite, "--key", Path.Combine(Eddsa, "keyPair.json"),
            "--created", "2023-02-24T23:36:38Z", Path.Combine(Eddsa, "unsigned.json"));
        exit.Should().Be(ExitCodes.Success, stderr);
        JsonNode.DeepEquals(JsonNode.Parse(stdout), JsonNode.Parse(File.ReadAllText(Path.Combine(Eddsa, expected)))).Should().BeTrue(stdout);
    }

    [Fact]
    public void Sign_with_the_p256_vector_key_file_then_verify()
    {
        var (did, signed) = SignAsDidKey(Ecdsa, "p256KeyPair.json", "ecdsa-rdfc-2019");
        JsonNode.Parse(signed)!["proof"]!["verificationMethod"]!.GetValue<string>().Should().StartWith(did + "#zDn");

        var (verifyExit, report, _) = Run("verify", "--now", "2025-01-01T00:00:00Z", Temp(signed));
        verifyExit.Should().Be(ExitCodes.Success, report);
        var json = JsonNode.Parse(report)!;
        json["verified"]!.GetValue<bool>().Should().BeTrue();
        json["format"]!.GetValue<string>().Should().Be("data-integrity");

        var tampered = JsonNode.Parse(signed)!;
        tampered["credentialSubject"]!["alumniOf"] = "Elsewhere";
        var (tamperedExit, tamperedReport, _) = Run("verify", Temp(tampered.ToJsonString()));
        tamperedExit.Should().Be(ExitCodes.NotVerified);
        tamperedReport.Should().Contain("signature does not match");
    }

    [Fact]
    public void Sign_and_verify_repeat_print_the_mean_and_the_same_output()
    {
        var unsigned = JsonNode.Parse(File.ReadAllText(Path.Combine(Eddsa, "unsigned.json")))!;
        unsigned["issuer"] = "did:key:" + JsonNode.Parse(File.ReadAllText(Path.Combine(Eddsa, "keyPair.json")))!["publicKeyMultibase"]!.GetValue<string>();
        var file = Temp(unsigned.ToJsonString());
        string[] sign = ["sign", "--suite", "eddsa-rdfc-2022", "--key", Path.Combine(Eddsa, "keyPair.json"), "--created", "2023-02-24T23:36:38Z", file];
        var once = Run(sign);
        var repeated = Run([.. sign, "--repeat", "2"]);
        repeated.Exit.Should().Be(ExitCodes.Success, repeated.Err);
        repeated.Out.Should().Be(once.Out);
        repeated.Err.Should().MatchRegex(@"^mean [0-9.]+ ms\s*$");

        var verified = Run("verify", "--repeat", "2", Temp(once.Out));
        verified.Exit.Should().Be(ExitCodes.Success, verified.Out);
        verified.Err.Should().MatchRegex(@"^mean [0-9.]+ ms\s*$");
    }

    [Fact]
    public void Verify_reports_an_issuer_that_does_not_control_the_key()
    {
        var (exit, report, _) = Run("verify", Path.Combine(Eddsa, "eddsa-rdfc-2022/signedDataInt.json"));
        exit.Should().Be(ExitCodes.NotVerified);
        report.Should().Contain("does not belong to the issuer");
    }

    [Fact]
    public void Verify_a_jwt_vc_from_a_did_jwk_issuer()
    {
        using var key = VcService.Crypto.SigningKey.Generate(VcService.Crypto.KeyType.P256);
        var did = VcService.Credentials.Dids.DidJwkResolver.ToDid(key.PublicKey);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = did,
            ["issuanceDate"] = "2025-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:subject" },
        };
        var jwt = VcService.Credentials.Jose.JwtVc.Sign(credential, key, did + "#0");
        var (exit, report, _) = Run("verify", Temp(jwt));
        exit.Should().Be(ExitCodes.Success, report);
        JsonNode.Parse(report)!["format"]!.GetValue<string>().Should().Be("jwt");
    }

    [Fact]
    public void Verify_with_a_trusted_list_reports_whether_the_issuer_is_recognised()
    {
        var (did, signed) = SignAsDidKey(Eddsa, "keyPair.json", "eddsa-rdfc-2022");
        var credential = Temp(signed);

        var listed = Temp($$"""{"issuers": [{"did": "{{did}}", "legalName": {"en": "Example University"}, "country": "BE", "accreditation": "test list"}]}""");
        var (listedExit, listedReport, _) = Run("verify", "--trusted-list", listed, credential);
        listedExit.Should().Be(ExitCodes.Success, listedReport);
        var report = JsonNode.Parse(listedReport)!;
        report["issuerRecognised"]!.GetValue<bool>().Should().BeTrue(listedReport);
        report["issuer"]!["legalName"]!["en"]!.GetValue<string>().Should().Be("Example University");

        // Authentic but not on the list: verified, not recognised (the service's default policy).
        var other = Temp("""{"issuers": [{"did": "did:web:credentials.example.edu", "legalName": {"en": "Other"}, "country": "DE", "accreditation": "x"}]}""");
        var (otherExit, otherReport, _) = Run("verify", "--trusted-list", other, credential);
        otherExit.Should().Be(ExitCodes.Success, otherReport);
        JsonNode.Parse(otherReport)!["issuerRecognised"]!.GetValue<bool>().Should().BeFalse(otherReport);

        // Without the option there is no issuer section.
        JsonNode.Parse(Run("verify", credential).Out)!["issuer"].Should().BeNull();

        var invalid = Run("verify", "--trusted-list", Temp("""{"issuers": [{"did": "nope"}]}"""), credential);
        invalid.Exit.Should().Be(ExitCodes.VerifyInputError);
        invalid.Err.Should().Contain("issuers[0].did");
        Run("verify", "--trusted-list", "/nonexistent/list.json", credential).Exit.Should().Be(ExitCodes.VerifyInputError);
    }

    [Fact]
    public void Input_errors()
    {
        Run("verify", "/nonexistent/file.json").Exit.Should().Be(ExitCodes.VerifyInputError);
        Run("verify", Temp("{ not json")).Exit.Should().Be(ExitCodes.VerifyInputError);
        var wrongKey = Run("sign", "--suite", "ecdsa-rdfc-2019", "--key", Path.Combine(Eddsa, "keyPair.json"), Path.Combine(Eddsa, "unsigned.json"));
        wrongKey.Exit.Should().Be(ExitCodes.InvalidInput);
        wrongKey.Err.Should().Contain("needs a P256 key");
        var badKey = Run("sign", "--suite", "eddsa-rdfc-2022", "--key", Temp("{\"privateKeyMultibase\": \"zzz\"}"), Path.Combine(Eddsa, "unsigned.json"));
        badKey.Exit.Should().Be(ExitCodes.InvalidInput);
        var undefinedTerm = Run("sign", "--suite", "eddsa-rdfc-2022", "--key", Path.Combine(Eddsa, "keyPair.json"),
            Temp("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"type\": \"VerifiableCredential\", \"issuer\": \"did:example:a\", \"credentialSubject\": {\"foo\": 1}}"));
        undefinedTerm.Exit.Should().Be(ExitCodes.InvalidInput);
        undefinedTerm.Err.Should().Contain("safe mode").And.Contain("'foo'");
    }

    /// <summary>Signs the vectors' unsigned credential with the key file, its issuer set to the key's did:key.</summary>
    private (string Did, string Signed) SignAsDidKey(string vectors, string keyFileName, string suite)
    {
        var keyFile = JsonNode.Parse(File.ReadAllText(Path.Combine(vectors, keyFileName)))!;
        var did = "did:key:" + keyFile["publicKeyMultibase"]!.GetValue<string>();
        var unsigned = JsonNode.Parse(File.ReadAllText(Path.Combine(vectors, "unsigned.json")))!;
        unsigned["issuer"] = did;
        var (exit, signed, stderr) = Run("sign", "--suite", suite, "--key", Path.Combine(vectors, keyFileName), Temp(unsigned.ToJsonString()));
        exit.Should().Be(ExitCodes.Success, stderr);
        return (did, signed);
    }

    private string Temp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vcservice-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        _tempFiles.Add(path);
        return path;
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VcService.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }
        throw new InvalidOperationException("VcService.sln not found");
    }
}
