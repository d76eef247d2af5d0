using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Api.Tests;
using VcService.Credentials.Jose;
using VcService.Credentials.Status;
using VcService.Crypto;

namespace VcService.Trust.Tests;

/// <summary>
/// Another issuer (did:web on a local server, allowed as a development host) whose credential has
/// a StatusList2021 entry: the service resolves the DID and fetches the status list over HTTP.
/// </summary>
public sealed class RemoteStatusTests : IAsyncLifetime
{
    private LocalServer _server = null!;
    private readonly SigningKey _key = SigningKey.Generate(KeyType.Ed25519);
    private readonly BitstringStatusList _list = new();
    private string _did = "";
    private string _listUrl = "";

    public async Task InitializeAsync()
    {
        _server = await LocalServer.StartAsync();
        _did = $"did:web:localhost%3A{_server.Port}:issuer";
        _listUrl = $"http://localhost:{_server.Port}/status/1";
        _server.Handler = context => context.Request.Path.Value switch
        {
            "/issuer/did.json" => LocalServer.Respond(DidWebResolverTests.Document(_did, _key), "application/did+json")(context),
            "/status/1" => LocalServer.Respond(SignedList(), "application/jwt")(context),
            _ => LocalServer.Respond("{}", "application/json", 404)(context),
        };
    }

    public async Task DisposeAsync()
    {
        _key.Dispose();
        await _server.DisposeAsync();
    }

    private string SignedList()
    {
        var now = DateTimeOffset.UtcNow;
        var credential = StatusList2021Credential.Render(new StatusListCredentialInput(_listUrl, _did, "revocation", _list, now.AddMinutes(-1), now.AddHours(1), null));
        return JwtVc.Sign(credential, _key, _did + "#key-1");
    }

    private string Credential()
    {
        var credential = JsonNode.Parse($$"""
            {"@context": ["https://www.w3.org/2018/credentials/v1", "{{StatusList2021Entry.Context}}"], "type": ["VerifiableCredential"],
             "issuer": "{{_did}}", "issuanceDate": "2025-01-15T09:00:00Z", "credentialSubject": {"id": "did:example:learner"} }
            """)!.AsObject();
        credential["credentialStatus"] = StatusList2021Entry.Render(_listUrl, 4242, "revocation");
        return JwtVc.Sign(credential, _key, _did + "#key-1");
    }

    private static JsonNode Check(JsonObject report, string name) => report["checks"]!.AsArray().Single(c => (string?)c!["check"] == name)!;

    [Fact]
    public async Task A_remote_issuers_status_list_is_fetched_and_read()
    {
        using var factory = new ServiceFactory(settings: new()
        {
            ["VcService:DidWeb:AllowHttpHosts:0"] = "localhost",
            ["VcService:DidWeb:AllowPrivateHosts:0"] = "localhost",
        });
        var client = factory.CreateClient();
        var jwt = Credential();

        var report = await Verify(client, jwt);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        Check(report, "status")["status"]!.GetValue<string>().Should().Be("ok");

        _list.Set(4242, true);
        report = await Verify(client, jwt);
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        Check(report, "status")["message"]!.GetValue<string>().Should().Contain("revoked");
    }

    [Fact]
    public async Task Without_the_allowance_the_status_list_is_not_fetched_and_the_check_fails_closed()
    {
        using var factory = new ServiceFactory();
        var report = await Verify(factory.CreateClient(), Credential());
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        _server.Requests.Should().Be(0, "neither the DID document nor the list is fetched from a loopback host");
    }

    private static async Task<JsonObject> Verify(HttpClient client, string jwt)
    {
        var response = await client.PostAsJsonAsync("/v1/verify", new JsonObject { ["credential"] = jwt });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
