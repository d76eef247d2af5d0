using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;

namespace VcService.Credentials.Tests.Verification;

public sealed class PipelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static JsonObject Credential(string? issuanceDate = "2026-01-01T00:00:00Z", string? expirationDate = null)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:subject" },
        };
        if (issuanceDate is not null) credential["issuanceDate"] = issuanceDate;
        if (expirationDate is not null) credential["expirationDate"] = expirationDate;
        return credential;
    }

    private static async Task<CheckResult> Validity(JsonObject credential)
    {
        var context = new VerificationContext(credential, Now) { Credential = credential };
        return await new ValidityCheck().RunAsync(context, CancellationToken.None);
    }

    [Fact]
    public async Task Validity_period_is_checked_with_the_clock_skew()
    {
        (await Validity(Credential())).Status.Should().Be(CheckStatus.Ok);
        (await Validity(Credential(expirationDate: "2026-05-01T00:00:00Z"))).Message.Should().Contain("expired");
        (await Validity(Credential(issuanceDate: "2026-06-01T12:04:00Z"))).Status.Should().Be(CheckStatus.Ok, "within the 5 minute skew");
        (await Validity(Credential(issuanceDate: "2026-06-02T00:00:00Z"))).Message.Should().Contain("not valid yet");
        (await Validity(Credential(issuanceDate: "yesterday"))).Status.Should().Be(CheckStatus.Failed);
    }

    [Fact]
    public async Task Vc2_uses_validFrom_and_validUntil()
    {
        var credential = Credential(issuanceDate: null);
        credential["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2");
        credential["validUntil"] = "2026-01-02T00:00:00Z";
        (await Validity(credential)).Message.Should().Contain("validUntil");
    }

    [Fact]
    public void Data_model_problems_name_the_property()
    {
        var credential = new JsonObject { ["@context"] = new JsonArray("https://example.com/ctx"), ["issuer"] = "not a url" };
        var problems = FormatCheck.DataModelProblems(credential);
        problems.Should().Contain(p => p.Contains("@context"))
            .And.Contain(p => p.Contains("type"))
            .And.Contain(p => p.Contains("issuer must be a URL"))
            .And.Contain(p => p.Contains("credentialSubject"))
            .And.NotContain(p => p.Contains("issuanceDate"), "the version is unknown, so no date rule applies");
        FormatCheck.DataModelProblems(Credential()).Should().BeEmpty();
        FormatCheck.DataModelProblems(Credential(issuanceDate: null)).Should().ContainSingle(p => p.Contains("issuanceDate"));
    }

    private sealed class Fixed(string name, int order, CheckStatus status) : IVerificationCheck
    {
        public int Runs { get; private set; }
        public string Name => name;
        public int Order => order;
        public Task<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken)
        {
            Runs++;
            return Task.FromResult(new CheckResult(name, status, name));
        }
    }

    [Fact]
    public async Task Checks_run_in_order_and_everything_after_a_failed_format_is_skipped()
    {
        var signature = new Fixed(CheckNames.Signature, 200, CheckStatus.Ok);
        var verifier = new CredentialVerifier([signature, new Fixed(CheckNames.Format, 100, CheckStatus.Failed)], new FixedTime(Now));
        var report = await verifier.VerifyAsync(JsonValue.Create("x"), CancellationToken.None);
        report.Verified.Should().BeFalse();
        report.Checks.Select(c => c.Check).Should().Equal(CheckNames.Format, CheckNames.Signature);
        report.Checks[1].Status.Should().Be(CheckStatus.Skipped);
        signature.Runs.Should().Be(0);
    }

    [Fact]
    public async Task Verified_needs_format_signature_and_validity_ok_and_no_failure()
    {
        IVerificationCheck[] Checks(CheckStatus annex) =>
        [
            new Fixed(CheckNames.Format, 100, CheckStatus.Ok),
            new Fixed(CheckNames.Signature, 200, CheckStatus.Ok),
            new Fixed(CheckNames.Validity, 500, CheckStatus.Ok),
            new Fixed(CheckNames.AnnexI, 600, annex),
        ];
        (await new CredentialVerifier(Checks(CheckStatus.Ok), new FixedTime(Now)).VerifyAsync(new JsonObject(), default)).Verified.Should().BeTrue();
        (await new CredentialVerifier(Checks(CheckStatus.Skipped), new FixedTime(Now)).VerifyAsync(new JsonObject(), default)).Verified.Should().BeTrue();
        (await new CredentialVerifier(Checks(CheckStatus.Failed), new FixedTime(Now)).VerifyAsync(new JsonObject(), default)).Verified.Should().BeFalse();
        (await new CredentialVerifier(Checks(CheckStatus.Ok).Skip(1), new FixedTime(Now)).VerifyAsync(new JsonObject(), default)).Verified
            .Should().BeFalse("a missing signature check can never verify");
    }
}
