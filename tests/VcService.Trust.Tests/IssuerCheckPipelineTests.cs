using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.Dids;
using VcService.Credentials.Jose;
using VcService.Credentials.Net;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.Crypto;
using VcService.MicroCredentials.Trust;
using VcService.MicroCredentials.Verification;

namespace VcService.Trust.Tests;

/// <summary>
/// The whole verifier (format → signature → issuer → validity) over a did:web issuer served by a
/// local server: the four trust outcomes and how they relate to <c>verified</c>.
/// </summary>
public sealed class IssuerCheckPipelineTests : IAsyncLifetime
{
    private LocalServer _server = null!;
    private readonly SigningKey _key = SigningKey.Generate(KeyType.Ed25519);
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private string _did = "";

    public async Task InitializeAsync()
    {
        _server = await LocalServer.StartAsync();
        _did = $"did:web:localhost%3A{_server.Port}";
        _server.Handler = LocalServer.Respond(DidWebResolverTests.Document(_did, _key), "application/did+json");
    }

    public async Task DisposeAsync()
    {
        _key.Dispose();
        await _server.DisposeAsync();
    }

    private CompositeDidResolver Resolver() => new(
    [
        new DidWebResolver(new SafeHttpFetcher(new SafeHttpOptions { AllowHttpHosts = ["localhost"], AllowPrivateHosts = ["localhost"] },
            new FakeDns(new() { ["localhost"] = [IPAddress.Loopback] })), _clock),
        new DidKeyResolver(),
    ]);

    private async Task<VerificationReport> VerifyAsync(string jwt, IEnumerable<ITrustSource> sources, bool requireRecognised = false)
    {
        var resolver = Resolver();
        var verifier = new CredentialVerifier(
        [
            new FormatCheck(), new SignatureCheck(resolver),
            new IssuerCheck(resolver, new TrustRegistry(sources), new IssuerCheckOptions { RequireRecognisedIssuer = requireRecognised }),
            new ValidityCheck(),
        ], _clock);
        return await verifier.VerifyAsync(JsonValue.Create(jwt), CancellationToken.None);
    }

    private string Credential(string deqarId = "DEQARINST0500")
    {
        var credential = JsonNode.Parse($$"""
            {
              "@context": ["https://www.w3.org/2018/credentials/v1"],
              "id": "urn:uuid:0f0e3a51-3b5e-4d3c-9a64-2f3c7e1b9d11",
              "type": ["VerifiableCredential"],
              "issuer": {
                "id": "{{_did}}", "type": "Organisation",
                "legalName": { "en": "Local Test University" },
                "identifier": { "type": "Identifier", "schemeName": "DEQAR", "notation": "{{deqarId}}" }
              },
              "issuanceDate": "2026-01-15T09:00:00Z",
              "credentialSubject": { "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" }
            }
            """)!.AsObject();
        return JwtVc.Sign(credential, _key, _did + "#key-1");
    }

    private static Task<Storage.Sql.SqlDeqarRegister> LocalDeqarAsync() => TestRegister.CreateAsync(
    [
        new DeqarInstitution { DeqarId = "DEQARINST0500", NamePrimary = "Local Test University", Country = "AT", WebsiteLink = "http://localhost/" },
        new DeqarInstitution { DeqarId = "DEQARINST0312", NamePrimary = "Technical University of Munich", Country = "DE", WebsiteLink = "https://www.tum.de/" },
    ]);

    private static CheckResult Check(VerificationReport report, string name) => report.Checks.Single(c => c.Check == name);

    [Fact]
    public async Task Deqar_matched_issuer_is_verified_and_recognised()
    {
        var report = await VerifyAsync(Credential(), [new DeqarTrustSource(await LocalDeqarAsync())]);
        report.Verified.Should().BeTrue(string.Join(" | ", report.Checks.Select(c => c.Message)));
        report.IssuerRecognised.Should().BeTrue();
        Check(report, CheckNames.Issuer).Status.Should().Be(CheckStatus.Ok);
        report.Issuer!.Did.Should().Be(_did);
        report.Issuer.LegalName!["en"].Should().Be("Local Test University");
        report.Issuer.Country.Should().Be("AT");
        report.Issuer.Recognition!.Kind.Should().Be("deqar");
        report.Issuer.Recognition.DeqarId.Should().Be("DEQARINST0500");
        report.Checks.Select(c => c.Check).Should().Equal("format", "signature", "issuer", "validity");
    }

    [Fact]
    public async Task Listed_issuer_is_recognised_from_the_list()
    {
        var (list, _) = TrustedIssuerList.Create([(new TrustedIssuerEntry { Did = _did, LegalName = new() { ["de"] = "Lokale Universität" }, Country = "AT", Accreditation = "AQ Austria" }, "issuers[0]")], "list.json");
        var report = await VerifyAsync(Credential(), [list!]);
        report.IssuerRecognised.Should().BeTrue();
        report.Issuer!.Recognition!.Kind.Should().Be("list");
        report.Issuer.Recognition.Accreditation.Should().Be("AQ Austria");
        Check(report, CheckNames.Issuer).Message.Should().Contain("Lokale Universität").And.Contain("trusted issuer list");
    }

    [Fact]
    public async Task Unknown_but_authentic_issuer_is_verified_and_not_recognised()
    {
        var report = await VerifyAsync(Credential("DEQARINST0999"), [new DeqarTrustSource(await LocalDeqarAsync())]);
        report.Verified.Should().BeTrue();
        report.IssuerRecognised.Should().BeFalse();
        var check = Check(report, CheckNames.Issuer);
        check.Status.Should().Be(CheckStatus.Ok);
        check.Message.Should().Contain("not recognised");
        report.Issuer!.Recognised.Should().BeFalse();
        report.Issuer.Recognition.Should().BeNull();
        report.Issuer.LegalName.Should().BeNull("the name is only the credential's claim");
        report.Issuer.Claimed!.LegalName!["en"].Should().Be("Local Test University");
        report.Issuer.Claimed.Identifiers.Should().Contain("DEQAR DEQARINST0999");
    }

    [Fact]
    public async Task Claiming_another_institutions_deqar_id_is_not_recognised()
    {
        var report = await VerifyAsync(Credential("DEQARINST0312"), [new DeqarTrustSource(await LocalDeqarAsync())]);
        report.Verified.Should().BeTrue();
        report.IssuerRecognised.Should().BeFalse();
        Check(report, CheckNames.Issuer).Message.Should().Contain("Technical University of Munich").And.Contain("not under");
    }

    [Fact]
    public async Task Recognition_can_be_required()
    {
        var report = await VerifyAsync(Credential("DEQARINST0999"), [new DeqarTrustSource(await LocalDeqarAsync())], requireRecognised: true);
        report.Verified.Should().BeFalse();
        Check(report, CheckNames.Issuer).Status.Should().Be(CheckStatus.Failed);
    }

    [Fact]
    public async Task A_forged_credential_naming_a_recognised_did_is_never_shown_as_recognised()
    {
        var parts = Credential().Split('.');
        var payload = JsonNode.Parse(Base64Url.Decode(parts[1]))!;
        payload["vc"]!["issuer"]!["legalName"]!["en"] = "Forged Name";
        var forged = $"{parts[0]}.{Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        var report = await VerifyAsync(forged, [new DeqarTrustSource(await LocalDeqarAsync())]);
        report.Verified.Should().BeFalse();
        Check(report, CheckNames.Signature).Status.Should().Be(CheckStatus.Failed);
        Check(report, CheckNames.Issuer).Status.Should().Be(CheckStatus.Skipped);
        report.IssuerRecognised.Should().BeFalse();
        report.Issuer!.Recognition.Should().BeNull();
    }

    [Fact]
    public async Task An_unresolvable_issuer_did_fails_the_issuer_check()
    {
        var credential = JsonNode.Parse("""
            {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
             "issuer": "did:web:169.254.169.254", "issuanceDate": "2026-01-15T09:00:00Z", "credentialSubject": {"name": "x"}}
            """)!.AsObject();
        var jwt = JwtVc.Sign(credential, _key, "did:web:169.254.169.254#key-1");
        var report = await VerifyAsync(jwt, []);
        report.Verified.Should().BeFalse();
        Check(report, CheckNames.Issuer).Status.Should().Be(CheckStatus.Failed);
        Check(report, CheckNames.Issuer).Message.Should().Contain("could not be resolved").And.Contain("SSRF");
        report.IssuerRecognised.Should().BeFalse();
    }
}
