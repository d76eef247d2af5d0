using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.Cli.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private static readonly string Samples = Path.Combine(FindRoot(), "samples");
    private readonly List<string> _tempFiles = [];

    public void Dispose() => _tempFiles.ForEach(File.Delete);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("obv3")]
    [InlineData("elm")]
    public void Render_prints_the_unsigned_credential_with_the_given_id_time_and_issuer(string profile)
    {
        var (exit, stdout, stderr) = Run("render", "--profile", profile, "--id", "urn:uuid:00000000-0000-4000-8000-000000000001",
            "--issued", "2025-07-16T09:30:15+02:00", "--issuer-did", "did:web:uni.example", Path.Combine(Samples, "mc-ects-eqf.json"));
        exit.Should().Be(ExitCodes.Success, stderr);
        var vc = JsonNode.Parse(stdout)!;
        vc["id"]!.GetValue<string>().Should().Be("urn:uuid:00000000-0000-4000-8000-000000000001");
        vc["issuer"]!["id"]!.GetValue<string>().Should().Be("did:web:uni.example");
        vc["validFrom"]!.GetValue<string>().Should().Be("2025-07-16T07:30:15Z");
        var types = vc["type"]!.AsArray().Select(t => t!.GetValue<string>());
        if (profile == "obv3")
        {
            types.Should().Contain("OpenBadgeCredential");
            vc["credentialSubject"]!["achievement"]!["achievementType"]!.GetValue<string>().Should().Be("MicroCredential");
            vc["issuer"]!["name"]!.GetValue<string>().Should().Be("Technical University of Munich", "the demo issuer is the first awarding body");
        }
        else
        {
            types.Should().Contain("EuropeanDigitalCredential");
        }
    }

    [Fact]
    public void Render_defaults_to_a_demo_issuer_a_fresh_id_and_now()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (exit, stdout, stderr) = Run("render", "--profile", "obv3", Path.Combine(Samples, "mc-hours-cycle.json"));
        exit.Should().Be(ExitCodes.Success, stderr);
        var vc = JsonNode.Parse(stdout)!;
        vc["issuer"]!["id"]!.GetValue<string>().Should().Be("did:web:issuer.example");
        vc["id"]!.GetValue<string>().Should().MatchRegex("^urn:uuid:[0-9a-f-]{36}$");
        DateTimeOffset.Parse(vc["validFrom"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().BeOnOrAfter(before.AddTicks(-(before.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Theory]
    [InlineData("eddsa-rdfc-2022")]
    [InlineData("eddsa-jcs-2022")]
    public void An_obv3_rendering_signed_with_data_integrity_verifies_with_its_annex_i_view(string suite)
    {
        // The W3C vc-di-eddsa test key; its did:key is the issuer, so the offline verifier resolves it.
        var keyFile = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "w3c", "vc-di-eddsa", "TestVectors", "keyPair.json"));
        var did = "did:key:" + JsonNode.Parse(File.ReadAllText(keyFile))!["publicKeyMultibase"]!.GetValue<string>();
        var (exit, unsigned, stderr) = Run("render", "--profile", "obv3", "--issued", "2025-07-16T07:30:15Z", "--issuer-did", did,
            Path.Combine(Samples, "mc-joint-nqf-stackable.json"));
        exit.Should().Be(ExitCodes.Success, stderr);
        var (signExit, signed, signErr) = Run("sign", "--suite", suite, "--key", keyFile, "--created", "2025-07-16T07:30:15Z", Temp(unsigned));
        signExit.Should().Be(ExitCodes.Success, signErr);

        var (verifyExit, report, _) = Run("verify", "--now", "2025-08-01T00:00:00Z", Temp(signed));
        verifyExit.Should().Be(ExitCodes.Success, report);
        var json = JsonNode.Parse(report)!;
        json["verified"]!.GetValue<bool>().Should().BeTrue(report);
        json["profile"]!.GetValue<string>().Should().Be("obv3");
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Samples, "mc-joint-nqf-stackable.json")));
        JsonNode.DeepEquals(json["annexI"], VcService.MicroCredentials.HeiRecordValidator.Validate(expected!.AsObject()).Record!.ToJson())
            .Should().BeTrue(json["annexI"]!.ToJsonString());

        // An extension term changed after signing: the signature no longer matches.
        var tampered = JsonNode.Parse(signed)!;
        tampered["credentialSubject"]!["achievement"]!["awardingBody"]![1]!["legalIdentifier"] = "00000000";
        Run("verify", "--now", "2025-08-01T00:00:00Z", Temp(tampered.ToJsonString())).Exit.Should().Be(ExitCodes.NotVerified);
    }

    [Fact]
    public void An_invalid_record_exits_with_every_validation_error_on_stderr()
    {
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(Samples, "mc-ects-eqf.json")))!.AsObject();
        record.Remove("title");
        record["workload"] = new JsonObject { ["ects"] = -1 };
        var (exit, stdout, stderr) = Run("render", "--profile", "obv3", Temp(record.ToJsonString()));
        exit.Should().Be(ExitCodes.InvalidInput);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("title:").And.Contain("workload.ects:");
    }

    [Theory]
    [InlineData("--profile", "ob2")]
    [InlineData("--issued", "yesterday")]
    [InlineData("--issuer-did", "https://not-a-did.example")]
    [InlineData("--id", "not an iri")]
    public void Bad_options_are_rejected(string option, string value)
    {
        var args = new List<string> { "render", "--profile", "obv3", Path.Combine(Samples, "mc-ects-eqf.json") };
        if (option == "--profile") args[2] = value; else args.InsertRange(1, [option, value]);
        var (exit, stdout, stderr) = Run([.. args]);
        exit.Should().NotBe(ExitCodes.Success);
        stdout.Should().NotContain("@context", "no credential is printed (usage errors print help)");
        stderr.Should().Contain(value);
    }

    [Fact]
    public void Unreadable_and_non_json_files_are_input_errors()
    {
        Run("render", "--profile", "obv3", "/nonexistent/record.json").Exit.Should().Be(ExitCodes.InputUnreadable);
        Run("render", "--profile", "obv3", Temp("not json")).Exit.Should().Be(ExitCodes.InvalidInput);
        Run("render", "--profile", "obv3", Temp("[1]")).Exit.Should().Be(ExitCodes.InvalidInput);
    }

    private string Temp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vcservice-render-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        _tempFiles.Add(path);
        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VcService.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (VcService.sln) not found");
    }
}
