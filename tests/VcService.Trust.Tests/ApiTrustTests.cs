using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using VcService.Api.Tests;
using VcService.Credentials.Dids;
using VcService.Credentials.Jose;
using VcService.Crypto;

namespace VcService.Trust.Tests;

/// <summary>The trust outcomes through POST /v1/verify of the real service (issue #6 "Done means").</summary>
public sealed class ApiTrustTests : IDisposable
{
    private readonly List<IDisposable> _disposables = [];

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    private ServiceFactory Factory(Dictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        var factory = new ServiceFactory(dataDirectory, settings: settings);
        _disposables.Add(factory);
        return factory;
    }

    private static Task<JsonObject> VerifyAsync(HttpClient client, JsonNode credential) => ServiceCalls.VerifyAsync(client, credential);

    private static JsonObject IssuerCheck(JsonObject report) =>
        report["checks"]!.AsArray().Single(c => (string?)c!["check"] == "issuer")!.AsObject();

    /// <summary>A VC 1.1 JWT-VC from a did:key issuer.</summary>
    private static string DidKeyCredential(SigningKey key, out string did)
    {
        var multikey = key.PublicKey.ToMultikey();
        did = "did:key:" + multikey;
        var credential = JsonNode.Parse($$"""
            {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
             "issuer": {"id": "{{did}}", "legalName": {"en": "Some Academy"} },
             "issuanceDate": "2025-01-15T09:00:00Z", "credentialSubject": {"id": "did:example:learner"} }
            """)!.AsObject();
        return JwtVc.Sign(credential, key, $"{did}#{multikey}");
    }

    private static async Task<string> IssueDemoAsync(HttpClient client)
    {
        var record = TestData.Sample(Path.Combine(TestData.RepoRoot, "samples", "mc-ects-eqf.json"));
        var response = await client.PostAsJsonAsync("/v1/issuers/demo/credentials", record);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(201, body);
        return JsonNode.Parse(body)!["credential"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_tenant_credential_names_the_tenant_as_recognised_issuer()
    {
        var client = Factory().CreateClient(ServiceFactory.DemoApiKey);
        var report = await VerifyAsync(client, JsonValue.Create(await IssueDemoAsync(client))!);

        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        report["issuerRecognised"]!.GetValue<bool>().Should().BeTrue();
        var issuer = report["issuer"]!;
        issuer["did"]!.GetValue<string>().Should().Be("did:web:vc.test.example:issuers:demo");
        issuer["legalName"]!["en"]!.GetValue<string>().Should().Be("Demo University of Applied Sciences");
        issuer["country"]!.GetValue<string>().Should().Be("BE");
        issuer["recognised"]!.GetValue<bool>().Should().BeTrue();
        issuer["recognition"]!["kind"]!.GetValue<string>().Should().Be("tenant");
        issuer["recognition"]!["deqarId"].Should().BeNull("no DEQAR data is imported");
        IssuerCheck(report)["status"]!.GetValue<string>().Should().Be("ok");
    }

    [Fact]
    public async Task A_tenant_is_matched_to_deqar_data_by_its_legal_identifier()
    {
        var dir = ServiceFactory.NewDataDirectory();
        await TestRegister.CreateAsync(dataDirectory: dir);
        var client = Factory(dataDirectory: dir).CreateClient(ServiceFactory.DemoApiKey);
        var report = await VerifyAsync(client, JsonValue.Create(await IssueDemoAsync(client))!);
        report["issuer"]!["recognition"]!["kind"]!.GetValue<string>().Should().Be("tenant");
        report["issuer"]!["recognition"]!["deqarId"]!.GetValue<string>().Should().Be("DEQARINST9001");
        report["issuer"]!["recognition"]!["source"]!.GetValue<string>().Should().Contain("DEQAR");
    }

    [Fact]
    public async Task A_tenant_registered_through_the_admin_api_is_matched_to_deqar_data_by_its_eter_id()
    {
        var dir = ServiceFactory.NewDataDirectory();
        await TestRegister.CreateAsync(dataDirectory: dir);
        var factory = Factory(Api.Tests.AdminClient.Settings(), dataDirectory: dir);
        var admin = factory.CreateClient(Api.Tests.AdminClient.AdminKey);
        var body = Api.Tests.AdminClient.IssuerBody("tum");
        body.Remove("deqarId");
        body["legalIdentifiers"] = new JsonObject { ["eter"] = "DE0148" };
        body["country"] = "DE";
        await Api.Tests.AdminClient.ExpectAsync(await Api.Tests.AdminClient.SendAsync(admin, HttpMethod.Post, "/v1/admin/issuers", body), System.Net.HttpStatusCode.Created);
        var issuer = factory.CreateClient(await Api.Tests.AdminClient.CreateApiKeyAsync(admin, "tum", "credentials:issue"));

        var record = TestData.Sample(Path.Combine(TestData.RepoRoot, "samples", "mc-ects-eqf.json"));
        var response = await issuer.PostAsJsonAsync("/v1/issuers/tum/credentials", record);
        var issued = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((int)response.StatusCode).Should().Be(201, issued.ToJsonString());
        var report = await VerifyAsync(factory.CreateClient(), issued["credential"]!.DeepClone());

        report["issuerRecognised"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        report["issuer"]!["recognition"]!["kind"]!.GetValue<string>().Should().Be("tenant");
        report["issuer"]!["recognition"]!["deqarId"]!.GetValue<string>().Should().Be("DEQARINST0312");
    }

    [Fact]
    public async Task A_configured_issuer_is_recognised_from_the_list()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var jwt = DidKeyCredential(key, out var did);
        var client = Factory(new()
        {
            ["VcService:Trust:Issuers:0:Did"] = did,
            ["VcService:Trust:Issuers:0:LegalName:en"] = "Listed Academy",
            ["VcService:Trust:Issuers:0:Country"] = "NL",
            ["VcService:Trust:Issuers:0:Accreditation"] = "NVAO institutional audit 2024",
        }).CreateClient();
        var report = await VerifyAsync(client, JsonValue.Create(jwt)!);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        report["issuerRecognised"]!.GetValue<bool>().Should().BeTrue();
        report["issuer"]!["recognition"]!["kind"]!.GetValue<string>().Should().Be("list");
        report["issuer"]!["legalName"]!["en"]!.GetValue<string>().Should().Be("Listed Academy");
        report["issuer"]!["recognition"]!["accreditation"]!.GetValue<string>().Should().Be("NVAO institutional audit 2024");
    }

    [Fact]
    public async Task A_list_file_is_read_at_start()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var jwt = DidKeyCredential(key, out var did);
        var file = Path.Combine(ServiceFactory.NewDataDirectory(), "trusted.json");
        await File.WriteAllTextAsync(file, $$"""{"issuers": [{"did": "{{did}}", "legalName": {"fr": "Académie"}, "country": "FRA"}]}""");
        var report = await VerifyAsync(Factory(new() { ["VcService:Trust:ListFile"] = file }).CreateClient(), JsonValue.Create(jwt)!);
        report["issuer"]!["recognition"]!["kind"]!.GetValue<string>().Should().Be("list");
        report["issuer"]!["country"]!.GetValue<string>().Should().Be("FR");
    }

    [Fact]
    public async Task An_unknown_authentic_issuer_is_verified_but_not_recognised()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var report = await VerifyAsync(Factory().CreateClient(), JsonValue.Create(DidKeyCredential(key, out var did))!);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        report["issuerRecognised"]!.GetValue<bool>().Should().BeFalse();
        IssuerCheck(report)["status"]!.GetValue<string>().Should().Be("ok");
        IssuerCheck(report)["message"]!.GetValue<string>().Should().Contain("not recognised");
        report["issuer"]!["did"]!.GetValue<string>().Should().Be(did);
        report["issuer"]!["recognised"]!.GetValue<bool>().Should().BeFalse();
        report["issuer"]!.AsObject().ContainsKey("recognition").Should().BeTrue("recognition is written as null");
        report["issuer"]!["recognition"].Should().BeNull();
        report["issuer"]!["legalName"].Should().BeNull();
        report["issuer"]!["claimed"]!["legalName"]!["en"]!.GetValue<string>().Should().Be("Some Academy");
    }

    [Fact]
    public async Task Requiring_recognition_makes_an_unknown_issuer_fail()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var client = Factory(new() { ["VcService:Trust:RequireRecognisedIssuer"] = "true" }).CreateClient();
        var report = await VerifyAsync(client, JsonValue.Create(DidKeyCredential(key, out _))!);
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        IssuerCheck(report)["status"]!.GetValue<string>().Should().Be("failed");
    }

    [Theory]
    [InlineData("did:web:127.0.0.1")]
    [InlineData("did:web:10.0.0.1")]
    [InlineData("did:web:169.254.169.254")]
    [InlineData("did:web:localhost")]
    public async Task Did_web_issuers_on_internal_addresses_are_not_fetched(string did)
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var credential = JsonNode.Parse($$"""
            {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"], "issuer": "{{did}}",
             "issuanceDate": "2025-01-15T09:00:00Z", "credentialSubject": {"id": "did:example:learner"} }
            """)!.AsObject();
        var report = await VerifyAsync(Factory().CreateClient(), JsonValue.Create(JwtVc.Sign(credential, key, did + "#key-1"))!);
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        report["issuerRecognised"]!.GetValue<bool>().Should().BeFalse();
        IssuerCheck(report)["status"]!.GetValue<string>().Should().Be("failed");
        IssuerCheck(report)["message"]!.GetValue<string>().Should().Contain("SSRF");
    }

    [Fact]
    public async Task A_did_web_issuer_on_an_allowed_development_host_is_resolved_over_http()
    {
        await using var server = await LocalServer.StartAsync();
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var did = $"did:web:localhost%3A{server.Port}:university";
        server.Handler = LocalServer.Respond(DidWebResolverTests.Document(did, key), "application/did+json");
        var credential = JsonNode.Parse($$"""
            {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"], "issuer": "{{did}}",
             "issuanceDate": "2025-01-15T09:00:00Z", "credentialSubject": {"id": "did:example:learner"} }
            """)!.AsObject();
        var client = Factory(new()
        {
            ["VcService:DidWeb:AllowHttpHosts:0"] = "localhost",
            ["VcService:DidWeb:AllowPrivateHosts:0"] = "localhost",
        }).CreateClient();
        var report = await VerifyAsync(client, JsonValue.Create(JwtVc.Sign(credential, key, did + "#key-1"))!);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        report["issuerRecognised"]!.GetValue<bool>().Should().BeFalse();
        server.Requests.Should().Be(1);
    }

    [Fact]
    public void An_invalid_trusted_list_stops_the_service_from_starting()
    {
        var factory = Factory(new()
        {
            ["VcService:Trust:Issuers:0:Did"] = "https://not-a-did.example",
            ["VcService:Trust:Issuers:0:Country"] = "DE",
        });
        var act = () => factory.CreateClient();
        act.Should().Throw<Exception>().Where(e => e.ToString().Contains("VcService:Trust:Issuers[0].did"));
    }
}
