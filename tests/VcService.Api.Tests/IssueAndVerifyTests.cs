using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.Api.Tests;

public sealed class IssueAndVerifyTests : IDisposable
{
    private readonly ServiceFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    internal static async Task<JsonObject> IssueAsync(HttpClient client, JsonObject record, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/issuers/demo/credentials")
        {
            Content = new StringContent(record.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        response.Headers.Location!.ToString().Should().StartWith("/v1/issuers/demo/credentials/");
        return JsonNode.Parse(body)!.AsObject();
    }

    internal static Task<JsonObject> VerifyAsync(HttpClient client, JsonNode credential) => ServiceCalls.VerifyAsync(client, credential);

    internal static string? CheckStatus(JsonObject report, string check) =>
        report["checks"]!.AsArray().FirstOrDefault(c => (string?)c!["check"] == check)?["status"]?.GetValue<string>();

    [Theory]
    [MemberData(nameof(TestData.Samples), MemberType = typeof(TestData))]
    public async Task Issued_credential_verifies_and_reads_back_as_the_record(string sample)
    {
        var client = _factory.CreateClient(ServiceFactory.DemoApiKey);
        var record = TestData.Sample(Path.Combine(TestData.RepoRoot, "samples", sample));

        var issued = await IssueAsync(client, record);
        issued["profile"]!.GetValue<string>().Should().Be("elm");
        issued["format"]!.GetValue<string>().Should().Be("jwt");
        var jwt = issued["credential"]!.GetValue<string>();
        jwt.Split('.').Should().HaveCount(3);

        var report = await VerifyAsync(client, JsonValue.Create(jwt));
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        foreach (var check in new[] { "format", "signature", "validity", "annexI" })
            CheckStatus(report, check).Should().Be("ok", $"{check}: {report.ToJsonString()}");
        report["issuerDid"]!.GetValue<string>().Should().Be("did:web:vc.test.example:issuers:demo");
        report["profile"]!.GetValue<string>().Should().Be("elm");

        var stored = await client.GetFromJsonAsync<JsonObject>($"/v1/issuers/demo/credentials/{issued["id"]}");
        JsonNode.DeepEquals(report["annexI"], stored!["record"]).Should().BeTrue(
            $"the Annex I view {report["annexI"]} should equal the stored record {stored["record"]}");
        stored["credential"]!.GetValue<string>().Should().Be(jwt);
    }

    [Fact]
    public async Task Did_document_lists_the_demo_key_as_multikey_and_jwk()
    {
        var client = _factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonObject>("/issuers/demo/did.json");
        document!["id"]!.GetValue<string>().Should().Be("did:web:vc.test.example:issuers:demo");
        var methods = document["verificationMethod"]!.AsArray();
        methods.Select(m => (string?)m!["type"]).Should().Equal("Multikey", "JsonWebKey");
        ((string?)methods[0]!["publicKeyMultibase"]).Should().StartWith("z6Mk");
        ((string?)methods[1]!["publicKeyJwk"]!["crv"]).Should().Be("Ed25519");
        document["assertionMethod"]!.AsArray().Select(a => (string?)a).Should()
            .Equal("did:web:vc.test.example:issuers:demo#key-1", "did:web:vc.test.example:issuers:demo#key-1-jwk");

        (await client.GetAsync("/issuers/nobody/did.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        var response = await _factory.CreateClient().GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Idempotency_key_returns_the_same_credential_and_refuses_a_different_body()
    {
        var client = _factory.CreateClient(ServiceFactory.DemoApiKey);
        var record = TestData.FirstSample();
        var first = await IssueAsync(client, record, "order-42");
        var again = await IssueAsync(client, record, "order-42");
        again["id"]!.GetValue<string>().Should().Be(first["id"]!.GetValue<string>());
        again["credential"]!.GetValue<string>().Should().Be(first["credential"]!.GetValue<string>());

        var other = record.DeepClone().AsObject();
        other["learner"]!["givenName"] = "Somebody Else";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/issuers/demo/credentials")
        {
            Content = new StringContent(other.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "order-42");
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Idempotency-Key");

        var fresh = await IssueAsync(client, record, "order-43");
        fresh["id"]!.GetValue<string>().Should().NotBe(first["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_make_one_credential()
    {
        var client = _factory.CreateClient(ServiceFactory.DemoApiKey);
        var record = TestData.FirstSample();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => IssueAsync(client, record, "retry-storm")));
        results.Select(r => r["id"]!.GetValue<string>()).Distinct().Should().HaveCount(1);
    }

    [Fact]
    public async Task Credentials_survive_a_restart()
    {
        string id, jwt;
        using (var first = new ServiceFactory(_factory.DataDirectory))
        {
            var issued = await IssueAsync(first.CreateClient(ServiceFactory.DemoApiKey), TestData.FirstSample());
            id = issued["id"]!.GetValue<string>();
            jwt = issued["credential"]!.GetValue<string>();
        }
        using var second = new ServiceFactory(_factory.DataDirectory);
        var client = second.CreateClient(ServiceFactory.DemoApiKey);
        var stored = await client.GetFromJsonAsync<JsonObject>($"/v1/issuers/demo/credentials/{id}");
        stored!["credential"]!.GetValue<string>().Should().Be(jwt);
        var report = await VerifyAsync(client, JsonValue.Create(jwt));
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
    }

    [Fact]
    public async Task Unknown_credential_is_404()
    {
        var client = _factory.CreateClient(ServiceFactory.DemoApiKey);
        var response = await client.GetAsync($"/v1/issuers/demo/credentials/{Guid.NewGuid()}");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
