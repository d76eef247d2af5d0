using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VcService.Api.Tests;
using VcService.Crypto.KeyProtection;
using VcService.Storage.Abstractions;
using VcService.Storage.Postgres;
using VcService.Storage.Sqlite;

namespace VcService.Storage.Tests;

/// <summary>
/// The whole service on PostgreSQL (<c>VcService:Storage:Provider=postgres</c>), and two service
/// instances (own data directory, own pools, shared master key) on one database.
/// </summary>
public sealed class PostgresServiceTests : IAsyncLifetime
{
    private readonly PostgresInstances _instances = new();

    public Task InitializeAsync() => _instances.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _instances.Dispose();
        return Task.CompletedTask;
    }

    private ServiceFactory Instance() => _instances.Start(new() { ["VcService:AdminApiKey"] = AdminClient.AdminKey });

    private static async Task<JsonObject> IssueAsync(HttpClient client, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/issuers/demo/credentials")
        {
            Content = new StringContent(TestData.FirstSample().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static Task<JsonObject> VerifyAsync(HttpClient client, JsonObject issued) => ServiceCalls.VerifyAsync(client, issued["credential"]!);

    private static string StatusCheck(JsonObject report) =>
        (string)report["checks"]!.AsArray().Single(c => (string?)c!["check"] == "status")!["status"]!;

    private static JsonArray StatusEntries(JsonObject issued)
    {
        var payload = issued["credential"]!.GetValue<string>().Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload += new string('=', (4 - payload.Length % 4) % 4);
        var status = JsonNode.Parse(Convert.FromBase64String(payload))!["vc"]!["credentialStatus"]!;
        return status as JsonArray ?? new JsonArray(status.DeepClone());
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_instances.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [PostgresFact]
    public async Task Issue_verify_revoke_verify_on_postgres()
    {
        var factory = Instance();
        var client = factory.CreateClient(ServiceFactory.DemoApiKey);
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Services.GetRequiredService<IStorageDatabase>().Should().BeOfType<PostgresDatabase>();
        factory.Services.GetService<SqliteDatabase>().Should().BeNull();
        File.Exists(Path.Combine(factory.DataDirectory, "vcservice.db")).Should().BeFalse("nothing is stored in the SQLite file");

        var issued = await IssueAsync(client);
        var report = await VerifyAsync(client, issued);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        StatusCheck(report).Should().Be("ok");

        var revoke = await client.PostAsJsonAsync($"/v1/issuers/demo/credentials/{issued["id"]}/status", new JsonObject { ["action"] = "revoke", ["reason"] = "awarded in error" });
        revoke.StatusCode.Should().Be(HttpStatusCode.OK, await revoke.Content.ReadAsStringAsync());

        report = await VerifyAsync(client, issued);
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        StatusCheck(report).Should().Be("failed");

        (await ScalarAsync($"SELECT COUNT(*) FROM credentials WHERE id = '{issued["id"]}'")).Should().Be(1);
        (await ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'revoke'")).Should().Be(1);
    }

    [PostgresFact]
    public async Task Health_reports_503_when_the_database_is_gone()
    {
        var client = Instance().CreateClient();
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        await _instances.DropDatabaseAsync();

        var response = await client.GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [PostgresFact]
    public async Task Two_instances_on_one_database_issue_concurrently_without_sharing_an_index()
    {
        // Both start at once: the schema is migrated and the demo tenant seeded exactly once.
        var instances = new[] { Instance(), Instance() };
        var clients = await Task.WhenAll(instances.Select(f => Task.Run(() => f.CreateClient(ServiceFactory.DemoApiKey))));
        (await ScalarAsync("SELECT COUNT(*) FROM signing_keys WHERE tenant_id = 'demo'")).Should().Be(1);
        (await ScalarAsync("SELECT COUNT(*) FROM api_keys WHERE tenant_id = 'demo' AND revoked_at IS NULL")).Should().Be(1);

        var issued = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => IssueAsync(clients[i % 2])));
        issued.Select(c => (string?)c["id"]).Should().OnlyHaveUniqueItems();
        var entries = issued.SelectMany(StatusEntries).Select(e => ((string?)e!["statusPurpose"], (string?)e["statusListCredential"], (string?)e["statusListIndex"])).ToList();
        entries.Should().HaveCount(400, "a revocation and a suspension entry each").And.OnlyHaveUniqueItems();
        (await ScalarAsync("SELECT COUNT(*) FROM status_allocations")).Should().Be(400);

        // Stateless: what one instance issued and revoked, the other verifies as revoked.
        var credential = issued[0];
        (await VerifyAsync(clients[1], credential))["verified"]!.GetValue<bool>().Should().BeTrue();
        var revoke = await clients[0].PostAsJsonAsync($"/v1/issuers/demo/credentials/{credential["id"]}/status", new JsonObject { ["action"] = "revoke", ["reason"] = "fraud" });
        revoke.StatusCode.Should().Be(HttpStatusCode.OK);
        StatusCheck(await VerifyAsync(clients[1], credential)).Should().Be("failed");
    }

    [PostgresFact]
    public async Task What_the_admin_api_changes_on_one_instance_the_other_uses_at_once()
    {
        var (a, b) = (Instance(), Instance());
        var adminA = a.CreateClient(AdminClient.AdminKey);
        await AdminClient.CreateIssuerAsync(adminA, "uni-x");
        var apiKey = await AdminClient.CreateApiKeyAsync(adminA, "uni-x", "credentials:issue", "credentials:read");
        var issuerB = b.CreateClient(apiKey);

        var before = await AdminClient.IssueAsync(issuerB, "uni-x");
        Header(before)["kid"]!.GetValue<string>().Should().EndWith("#key-1");
        await AdminClient.ExpectAsync(await AdminClient.SendAsync(adminA, HttpMethod.Post, "/v1/admin/issuers/uni-x/keys/rotate"), HttpStatusCode.Created);
        var after = await AdminClient.IssueAsync(issuerB, "uni-x");
        Header(after)["kid"]!.GetValue<string>().Should().EndWith("#key-2", "instance B signs with the key instance A rotated to");

        var verifier = a.CreateClient();
        (await VerifyAsync(verifier, before))["verified"]!.GetValue<bool>().Should().BeTrue();
        (await VerifyAsync(verifier, after))["verified"]!.GetValue<bool>().Should().BeTrue();
    }

    private static JsonObject Header(JsonObject issued) =>
        JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(issued["credential"]!.GetValue<string>().Split('.')[0]))!.AsObject();

    [PostgresFact]
    public async Task One_idempotency_key_sent_to_two_instances_at_once_makes_one_credential()
    {
        var instances = new[] { Instance(), Instance() };
        var clients = instances.Select(f => f.CreateClient(ServiceFactory.DemoApiKey)).ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => IssueAsync(clients[i % 2], "retry-42")));
        results.Select(r => (string?)r["id"]).Distinct().Should().ContainSingle();
        (await ScalarAsync("SELECT COUNT(*) FROM credentials")).Should().Be(1);
    }
}
