using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using VcService.Api.Auth;
using VcService.Api.Tenants;
using VcService.Api.Tests;
using VcService.Credentials.Status;
using VcService.Crypto;
using VcService.Storage.Abstractions;
using VcService.Storage.Sqlite;

namespace VcService.Status.Tests;

/// <summary>Issue → verify → revoke/suspend/reinstate → verify, through the real HTTP pipeline and SQLite.</summary>
public sealed class StatusApiTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ServiceFactory _factory;

    public StatusApiTests() => _factory = new ServiceFactory(time: _clock);

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(ServiceFactory.DemoApiKey);

    internal static async Task<JsonObject> IssueAsync(HttpClient client, string issuer = "demo")
    {
        var response = await client.PostAsync($"/v1/issuers/{issuer}/credentials",
            new StringContent(TestData.FirstSample().ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    internal static Task<JsonObject> VerifyAsync(HttpClient client, JsonObject issued) => ServiceCalls.VerifyAsync(client, issued["credential"]!);

    internal static JsonObject StatusCheck(JsonObject report) =>
        report["checks"]!.AsArray().Single(c => (string?)c!["check"] == "status")!.AsObject();

    internal static async Task<(HttpStatusCode Status, JsonObject Body)> ChangeAsync(HttpClient client, JsonObject issued, string action, string reason = "test", string issuer = "demo")
    {
        var response = await client.PostAsJsonAsync($"/v1/issuers/{issuer}/credentials/{issued["id"]}/status", new JsonObject { ["action"] = action, ["reason"] = reason });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static JsonObject Payload(string jwt) =>
        JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(jwt.Split('.')[1]))))!.AsObject();

    private static string Pad(string b64url)
    {
        var s = b64url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }

    private static JsonArray Entries(JsonObject issued)
    {
        var status = Payload(issued["credential"]!.GetValue<string>())["vc"]!["credentialStatus"]!;
        return status as JsonArray ?? new JsonArray(status.DeepClone());
    }

    private static string ListPath(JsonNode entry) => new Uri(entry["statusListCredential"]!.GetValue<string>()).AbsolutePath;

    [Fact]
    public async Task Issued_credential_carries_status_list_2021_entries_for_revocation_and_suspension()
    {
        var issued = await IssueAsync(Client());
        var vc = Payload(issued["credential"]!.GetValue<string>())["vc"]!;
        vc["@context"]!.AsArray().Select(c => (string?)c).Should().Contain("https://w3id.org/vc/status-list/2021/v1");
        var entries = Entries(issued);
        entries.Select(e => (string?)e!["statusPurpose"]).Should().Equal("revocation", "suspension");
        foreach (var entry in entries)
        {
            ((string?)entry!["type"]).Should().Be("StatusList2021Entry");
            var url = (string)entry["statusListCredential"]!;
            url.Should().StartWith("https://vc.test.example/status/demo/");
            ((string?)entry["id"]).Should().Be($"{url}#{entry["statusListIndex"]}");
            int.Parse((string)entry["statusListIndex"]!).Should().BeInRange(0, 131_071);
        }
    }

    [Fact]
    public async Task Revoke_makes_verification_fail_and_is_final()
    {
        var client = Client();
        var issued = await IssueAsync(client);
        var report = await VerifyAsync(client, issued);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        ((string?)StatusCheck(report)["status"]).Should().Be("ok");

        var (status, body) = await ChangeAsync(client, issued, "revoke", "awarded in error");
        status.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["revoked"]!.GetValue<bool>().Should().BeTrue();
        body["changed"]!.GetValue<bool>().Should().BeTrue();

        report = await VerifyAsync(client, issued);
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        ((string?)StatusCheck(report)["status"]).Should().Be("failed");
        ((string?)StatusCheck(report)["message"]).Should().Contain("revoked");

        (status, body) = await ChangeAsync(client, issued, "reinstate", "second thoughts");
        status.Should().Be(HttpStatusCode.Conflict);
        ((string?)body["detail"]).Should().Contain("Revocation is final");
        (status, _) = await ChangeAsync(client, issued, "suspend", "x");
        status.Should().Be(HttpStatusCode.Conflict);
        (await VerifyAsync(client, issued))["verified"]!.GetValue<bool>().Should().BeFalse();

        (status, body) = await ChangeAsync(client, issued, "revoke", "again");
        status.Should().Be(HttpStatusCode.OK);
        body["changed"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Suspend_then_reinstate()
    {
        var client = Client();
        var issued = await IssueAsync(client);
        (await ChangeAsync(client, issued, "suspend", "under investigation")).Status.Should().Be(HttpStatusCode.OK);

        var report = await VerifyAsync(client, issued);
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        ((string?)StatusCheck(report)["message"]).Should().Contain("suspended").And.NotContain("revoked");

        var (status, body) = await ChangeAsync(client, issued, "reinstate", "investigation closed");
        status.Should().Be(HttpStatusCode.OK);
        body["suspended"]!.GetValue<bool>().Should().BeFalse();
        report = await VerifyAsync(client, issued);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        ((string?)StatusCheck(report)["message"]).Should().Contain("not revoked").And.Contain("not suspended");
    }

    [Fact]
    public async Task Status_changes_are_in_the_audit_log_with_the_client()
    {
        var client = Client();
        var issued = await IssueAsync(client);
        await ChangeAsync(client, issued, "suspend", "under investigation");
        await ChangeAsync(client, issued, "reinstate", "cleared");
        await ChangeAsync(client, issued, "reinstate", "no-op, not logged");

        var page = await client.GetFromJsonAsync<JsonObject>("/v1/issuers/demo/audit");
        var entries = page!["entries"]!.AsArray();
        entries.Select(e => (string?)e!["action"]).Should().Equal("reinstate", "suspend");
        entries.Select(e => (string?)e!["reason"]).Should().Equal("cleared", "under investigation");
        entries.Should().OnlyContain(e => ((string?)e!["clientId"])!.StartsWith("apikey:demo-") && (string?)e["credentialId"] == (string?)issued["id"]);
        ((string?)entries[1]!["detail"]!["statusPurpose"]).Should().Be("suspension");

        var anonymous = _factory.CreateClient();
        (await anonymous.GetAsync("/v1/issuers/demo/audit")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{\"action\": \"delete\", \"reason\": \"x\"}", "action")]
    [InlineData("{\"action\": \"revoke\"}", "reason")]
    [InlineData("{\"action\": \"revoke\", \"reason\": \"   \"}", "reason")]
    [InlineData("[1]", "")]
    public async Task Bad_status_requests_name_the_field(string json, string path)
    {
        var client = Client();
        var issued = await IssueAsync(client);
        var response = await client.PostAsync($"/v1/issuers/demo/credentials/{issued["id"]}/status", new StringContent(json, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["errors"]!.AsArray().Select(e => (string?)e!["path"]).Should().Contain(path);
    }

    [Fact]
    public async Task Unknown_credential_is_404()
    {
        var response = await Client().PostAsJsonAsync("/v1/issuers/demo/credentials/nope/status", new JsonObject { ["action"] = "revoke", ["reason"] = "x" });
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_list_is_served_signed_with_etag_and_caching_and_resigned_only_on_change()
    {
        var client = Client();
        var issued = await IssueAsync(client);
        var revocation = Entries(issued)[0]!;
        var path = ListPath(revocation);
        var index = int.Parse((string)revocation["statusListIndex"]!);

        var first = await client.GetAsync(path);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Content.Headers.ContentType!.MediaType.Should().Be("application/jwt");
        first.Headers.CacheControl!.Public.Should().BeTrue();
        first.Headers.CacheControl.MaxAge.Should().Be(TimeSpan.FromSeconds(300));
        first.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        var etag = first.Headers.ETag!;
        var jwt = await first.Content.ReadAsStringAsync();
        var vc = Payload(jwt)["vc"]!;
        ((string?)vc["id"]).Should().Be((string?)revocation["statusListCredential"]);
        ((string?)vc["issuer"]).Should().Be("did:web:vc.test.example:issuers:demo");
        vc["type"]!.AsArray().Select(t => (string?)t).Should().Equal("VerifiableCredential", "StatusList2021Credential");
        vc["expirationDate"].Should().NotBeNull();
        var list = BitstringStatusList.Decode((string?)vc["credentialSubject"]!["encodedList"], EncodedListForm.Base64Url).List!;
        list.SetIndices().Should().BeEmpty();

        // Not re-signed per request: later requests get the same bytes (same iat) while nothing changed.
        _clock.Now += TimeSpan.FromMinutes(1);
        (await client.GetStringAsync(path)).Should().Be(jwt);
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, path))
        {
            conditional.Headers.IfNoneMatch.Add(etag);
            var notModified = await client.SendAsync(conditional);
            notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
            notModified.Headers.ETag.Should().Be(etag);
        }

        await ChangeAsync(client, issued, "revoke", "fraud");
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, path))
        {
            conditional.Headers.IfNoneMatch.Add(etag);
            var changed = await client.SendAsync(conditional);
            changed.StatusCode.Should().Be(HttpStatusCode.OK);
            changed.Headers.ETag.Should().NotBe(etag);
            var after = Payload(await changed.Content.ReadAsStringAsync())["vc"]!;
            BitstringStatusList.Decode((string?)after["credentialSubject"]!["encodedList"], EncodedListForm.Base64Url).List!
                .SetIndices().Should().Equal(index);
        }

        (await client.GetAsync("/status/demo/nolist")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>A VC 2.0 credential of <paramref name="tenant"/> with a revocation entry in a fresh BitstringStatusList, secured as vc+jwt.</summary>
    private async Task<(JsonObject Issued, string ListId)> Vc2CredentialAsync(string tenant)
    {
        var store = _factory.Services.GetRequiredService<IStatusListStore>();
        var allocation = await store.AllocateAsync(tenant, "revocation", "BitstringStatusList", "vc2-" + Guid.NewGuid(), default);
        var did = $"did:web:vc.test.example:issuers:{tenant}";
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = did,
            ["validFrom"] = "2020-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner" },
            ["credentialStatus"] = BitstringStatusListEntry.Render($"https://vc.test.example/status/{tenant}/{allocation.ListId}", allocation.Index, "revocation"),
        };
        var keys = _factory.Services.GetRequiredService<TenantKeyService>();
        var (key, methodId) = (await keys.OpenActiveKeyAsync(tenant, KeyType.Ed25519, default))!.Value;
        using (key)
            return (new JsonObject { ["credential"] = VcService.Credentials.Jose.VcJwt.Sign(credential, key, methodId) }, allocation.ListId);
    }

    [Fact]
    public async Task A_vc2_list_of_a_jwt_tenant_is_a_vc_jwt_and_the_status_check_verifies_it()
    {
        var client = Client();
        var (issued, listId) = await Vc2CredentialAsync("demo");
        var response = await client.GetAsync($"/status/demo/{listId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vc+jwt");
        var jws = await response.Content.ReadAsStringAsync();
        var header = JsonNode.Parse(Convert.FromBase64String(Pad(jws.Split('.')[0])))!;
        ((string?)header["typ"]).Should().Be("vc+jwt");
        var list = Payload(jws);
        list["type"]!.AsArray().Select(t => (string?)t).Should().Contain("BitstringStatusListCredential");
        ((string?)list["credentialSubject"]!["encodedList"]).Should().StartWith("u", "VC 2.0 lists are multibase");

        var report = await VerifyAsync(client, issued);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        ((string?)StatusCheck(report)["status"]).Should().Be("ok");
    }

    [Fact]
    public async Task A_vc2_list_of_a_data_integrity_tenant_carries_a_proof_in_its_suite_and_the_status_check_verifies_it()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            _ = _factory.CreateClient(); // starts the host (schema, demo tenant)
            await services.GetRequiredService<ITenantStore>().TryAddAsync(new IssuerTenant
            {
                Id = "ditenant", LegalName = new Dictionary<string, string> { ["en"] = "DI University" }, Country = "NL", CreatedAt = _clock.Now,
                DefaultFormat = "di-eddsa-rdfc-2022",
            }, default);
            await services.GetRequiredService<TenantKeyService>().CreateKeyAsync("ditenant", KeyType.Ed25519, default);
        }
        var client = Client();
        var (issued, listId) = await Vc2CredentialAsync("ditenant");
        var response = await client.GetAsync($"/status/ditenant/{listId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vc");
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string?)list["proof"]!["cryptosuite"]).Should().Be("eddsa-rdfc-2022");
        ((string?)list["proof"]!["verificationMethod"]).Should().Be("did:web:vc.test.example:issuers:ditenant#key-1");

        var report = await VerifyAsync(client, issued);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        ((string?)StatusCheck(report)["message"]).Should().Contain("not revoked");
    }

    [Fact]
    public async Task A_cached_list_is_secured_again_when_the_tenant_changes_its_default_format()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            _ = _factory.CreateClient(); // starts the host (schema, demo tenant)
            await scope.ServiceProvider.GetRequiredService<ITenantStore>().TryAddAsync(new IssuerTenant
            {
                Id = "switcher", LegalName = new Dictionary<string, string> { ["en"] = "Switching University" }, Country = "NL", CreatedAt = _clock.Now,
            }, default);
            await scope.ServiceProvider.GetRequiredService<TenantKeyService>().CreateKeyAsync("switcher", KeyType.Ed25519, default);
        }
        var client = Client();
        var (issued, listId) = await Vc2CredentialAsync("switcher");
        (await client.GetAsync($"/status/switcher/{listId}")).Content.Headers.ContentType!.MediaType.Should().Be("application/vc+jwt");

        // The tenant moves to Data Integrity (as the admin API's PATCH does: UpdatedAt is set).
        _clock.Now += TimeSpan.FromSeconds(1);
        using (var scope = _factory.Services.CreateScope())
        {
            var tenants = scope.ServiceProvider.GetRequiredService<ITenantStore>();
            var tenant = (await tenants.GetAsync("switcher", default))!;
            await tenants.UpdateAsync(tenant with { DefaultFormat = "di-eddsa-rdfc-2022", UpdatedAt = _clock.Now }, default);
        }
        var response = await client.GetAsync($"/status/switcher/{listId}");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vc", "the cached vc+jwt copy predates the change");
        ((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["proof"]!["cryptosuite"]).Should().Be("eddsa-rdfc-2022");
        (await VerifyAsync(client, issued))["verified"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Tenant_without_suspension_gets_only_a_revocation_entry_and_cannot_suspend()
    {
        const string apiKey = "vck_test_nosuspension_0123456789";
        using (var scope = _factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            _ = _factory.CreateClient(); // starts the host (schema, demo tenant)
            await services.GetRequiredService<ITenantStore>().TryAddAsync(new IssuerTenant
            {
                Id = "plain", LegalName = new Dictionary<string, string> { ["en"] = "Plain University" }, Country = "NL", CreatedAt = _clock.Now,
            }, default);
            await services.GetRequiredService<TenantKeyService>().CreateKeyAsync("plain", KeyType.Ed25519, default);
            await services.GetRequiredService<IApiKeyStore>().AddAsync(new StoredApiKey
            {
                Id = "plain-key", TenantId = "plain", SecretHash = ApiKeys.Hash(apiKey), Scopes = Scopes.All, CreatedAt = _clock.Now,
            }, default);
        }
        var client = _factory.CreateClient(apiKey);
        var issued = await IssueAsync(client, "plain");
        var entries = Entries(issued);
        entries.Should().ContainSingle();
        ((string?)entries[0]!["statusPurpose"]).Should().Be("revocation");

        var (status, body) = await ChangeAsync(client, issued, "suspend", "x", "plain");
        status.Should().Be(HttpStatusCode.Conflict);
        ((string?)body["detail"]).Should().Contain("no suspension status entry");
        (await VerifyAsync(client, issued))["verified"]!.GetValue<bool>().Should().BeTrue();

        // Another tenant's client cannot change this tenant's credentials.
        var demo = Client();
        (await demo.PostAsJsonAsync($"/v1/issuers/plain/credentials/{issued["id"]}/status", new JsonObject { ["action"] = "revoke", ["reason"] = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Restart_keeps_every_bit()
    {
        var client = Client();
        var revoked = await IssueAsync(client);
        var suspended = await IssueAsync(client);
        var fine = await IssueAsync(client);
        await ChangeAsync(client, revoked, "revoke", "fraud");
        await ChangeAsync(client, suspended, "suspend", "check");

        using var restarted = new ServiceFactory(_factory.DataDirectory);
        var again = restarted.CreateClient(ServiceFactory.DemoApiKey);
        ((string?)StatusCheck(await VerifyAsync(again, revoked))["message"]).Should().Contain("revoked");
        ((string?)StatusCheck(await VerifyAsync(again, suspended))["message"]).Should().Contain("suspended");
        (await VerifyAsync(again, fine))["verified"]!.GetValue<bool>().Should().BeTrue();
        var state = await again.GetFromJsonAsync<JsonObject>($"/v1/issuers/demo/credentials/{revoked["id"]}/status");
        state!["revoked"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Thousand_concurrent_issue_requests_get_distinct_indices_and_none_is_lost()
    {
        var client = Client();
        var record = TestData.FirstSample().ToJsonString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async _ =>
        {
            var response = await client.PostAsync("/v1/issuers/demo/credentials", new StringContent(record, Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.Created, body);
            return JsonNode.Parse(body)!.AsObject();
        }));

        var revocationIndices = responses.Select(r => (Url: (string)Entries(r)[0]!["statusListCredential"]!, Index: (string)Entries(r)[0]!["statusListIndex"]!)).ToList();
        revocationIndices.Should().OnlyHaveUniqueItems();
        responses.Select(r => (string?)r["id"]).Should().OnlyHaveUniqueItems();

        var database = _factory.Services.GetRequiredService<SqliteDatabase>();
        await using var connection = await database.OpenAsync(default);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM credentials WHERE tenant_id = 'demo'")).Should().Be(1000);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM status_allocations a JOIN status_lists l USING (tenant_id, list_id) WHERE l.purpose = 'revocation'")).Should().Be(1000);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM status_allocations a WHERE NOT EXISTS (SELECT 1 FROM credentials c WHERE c.id = a.credential_id)")).Should().Be(0);
    }
}
