using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using static VcService.Api.Tests.AdminClient;

namespace VcService.Api.Tests;

public sealed class AdminApiTests : IDisposable
{
    private readonly ServiceFactory _factory = new(settings: Settings());

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin => _factory.CreateClient(AdminKey);

    [Fact]
    public async Task Creating_an_issuer_answers_201_with_location_and_publishes_its_first_key()
    {
        var response = await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers", IssuerBody("uni-a"));
        var created = await ExpectAsync(response, HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be("/v1/admin/issuers/uni-a");
        created["did"]!.GetValue<string>().Should().Be("did:web:vc.test.example:issuers:uni-a");
        created["didPath"]!.GetValue<string>().Should().Be("issuers/uni-a");
        created["legalName"]!["nl"]!.GetValue<string>().Should().Be("Universiteit uni-a");
        created["legalIdentifiers"]!["vat"]!.GetValue<string>().Should().Be("BE0123456789");
        created["validationProfile"]!.GetValue<string>().Should().Be("deqar");
        created["keyType"]!.GetValue<string>().Should().Be("Ed25519");
        created["defaultProfile"]!.GetValue<string>().Should().Be("elm");

        var document = await _factory.CreateClient().GetFromJsonAsync<JsonObject>("/issuers/uni-a/did.json");
        document!["assertionMethod"]!.AsArray().Select(a => (string?)a).Should().Contain("did:web:vc.test.example:issuers:uni-a#key-1");

        var fetched = await ExpectAsync(await Admin.GetAsync("/v1/admin/issuers/uni-a"), HttpStatusCode.OK);
        JsonNode.DeepEquals(fetched, created).Should().BeTrue();
        var list = await ExpectAsync(await Admin.GetAsync("/v1/admin/issuers"), HttpStatusCode.OK);
        list["issuers"]!.AsArray().Select(i => (string?)i!["id"]).Should().Contain(["demo", "uni-a"]);
    }

    [Fact]
    public async Task A_P256_issuer_gets_a_P256_key()
    {
        await CreateIssuerAsync(Admin, "uni-p", "P-256");
        var keys = await ExpectAsync(await Admin.GetAsync("/v1/admin/issuers/uni-p/keys"), HttpStatusCode.OK);
        keys["keys"]!.AsArray().Single()!["type"]!.GetValue<string>().Should().Be("P-256");
        keys["keys"]![0]!["publicKeyJwk"]!["crv"]!.GetValue<string>().Should().Be("P-256");
    }

    [Fact]
    public async Task Creating_an_existing_id_is_409()
    {
        await CreateIssuerAsync(Admin, "uni-b");
        var again = await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers", IssuerBody("uni-b"));
        await ExpectAsync(again, HttpStatusCode.Conflict);
        await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers", IssuerBody("demo")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_invalid_issuer_lists_every_error_with_its_path()
    {
        var body = new JsonObject
        {
            ["id"] = "Not Valid!",
            ["legalName"] = new JsonObject { ["english"] = "" },
            ["legalIdentifiers"] = new JsonObject { ["vat"] = "123", ["passport"] = "x", ["eter"] = "BELGIUM" },
            ["country"] = "Belgium",
            ["deqarId"] = "42",
            ["homepage"] = "ftp://uni.example",
            ["didPath"] = "somewhere/else",
            ["defaultProfile"] = "nope",
            ["defaultFormat"] = "nope",
            ["validationProfile"] = "strict",
            ["keyType"] = "RSA",
            ["suspensionEnabled"] = "yes",
            ["colour"] = "blue",
        };
        var problem = await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers", body), HttpStatusCode.BadRequest);
        Errors(problem).Should().BeEquivalentTo(
        [
            "colour", "id", "legalName.english", "legalName.english", "legalIdentifiers.vat", "legalIdentifiers.passport",
            "legalIdentifiers.eter", "country", "deqarId", "homepage", "didPath", "defaultProfile", "defaultFormat",
            "validationProfile", "keyType", "suspensionEnabled",
        ]);
        (await ExpectAsync(await Admin.GetAsync("/v1/admin/issuers/Not%20Valid!"), HttpStatusCode.NotFound)).Should().NotBeNull();
    }

    [Fact]
    public async Task Missing_required_members_are_each_reported()
    {
        var problem = await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers", new JsonObject()), HttpStatusCode.BadRequest);
        Errors(problem).Should().BeEquivalentTo(["id", "legalName", "country"]);
    }

    [Fact]
    public async Task Patch_merges_changes_and_keeps_the_rest()
    {
        await CreateIssuerAsync(Admin, "uni-c");
        var patch = new JsonObject
        {
            ["legalName"] = new JsonObject { ["nl"] = null, ["fr"] = "Université C" },
            ["legalIdentifiers"] = new JsonObject { ["eidas"] = "BE/BE/0123456789" },
            ["region"] = null,
            ["validationProfile"] = "default",
            ["did"] = "ignored: read-only",
        };
        var updated = await ExpectAsync(await SendAsync(Admin, HttpMethod.Patch, "/v1/admin/issuers/uni-c", patch), HttpStatusCode.OK);
        updated["legalName"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["en", "fr"]);
        updated["legalIdentifiers"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["national", "vat", "eidas", "eter"]);
        updated.ContainsKey("region").Should().BeFalse();
        updated["validationProfile"]!.GetValue<string>().Should().Be("default");
        updated["deqarId"]!.GetValue<string>().Should().Be("DEQARINST0042");
        updated["updatedAt"].Should().NotBeNull();
        var fetched = await ExpectAsync(await Admin.GetAsync("/v1/admin/issuers/uni-c"), HttpStatusCode.OK);
        JsonNode.DeepEquals(fetched, updated).Should().BeTrue();
    }

    [Fact]
    public async Task Patch_cannot_change_the_id_or_break_the_document()
    {
        await CreateIssuerAsync(Admin, "uni-d");
        var patch = new JsonObject { ["id"] = "other", ["country"] = null, ["keyType"] = "RSA" };
        var problem = await ExpectAsync(await SendAsync(Admin, HttpMethod.Patch, "/v1/admin/issuers/uni-d", patch), HttpStatusCode.BadRequest);
        Errors(problem).Should().BeEquivalentTo(["id", "country", "keyType"]);
        await ExpectAsync(await SendAsync(Admin, HttpMethod.Patch, "/v1/admin/issuers/nobody", new JsonObject()), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patched_settings_take_effect_on_issuance()
    {
        await CreateIssuerAsync(Admin, "uni-e");
        var key = await CreateApiKeyAsync(Admin, "uni-e", "credentials:issue");
        var record = TestData.FirstSample();
        record["workload"] = new JsonObject { ["hours"] = 30 };
        var client = _factory.CreateClient(key);
        var refused = await SendAsync(client, HttpMethod.Post, "/v1/issuers/uni-e/credentials", record);
        Errors(await ExpectAsync(refused, HttpStatusCode.BadRequest)).Should().Contain("workload.ects", "the deqar profile requires ECTS");

        await ExpectAsync(await SendAsync(Admin, HttpMethod.Patch, "/v1/admin/issuers/uni-e", new JsonObject { ["validationProfile"] = "default" }), HttpStatusCode.OK);
        var issued = await SendAsync(client, HttpMethod.Post, "/v1/issuers/uni-e/credentials", record);
        await ExpectAsync(issued, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Admin_endpoints_refuse_missing_wrong_and_tenant_credentials()
    {
        var anonymous = _factory.CreateClient();
        var endpoints = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Post, "/v1/admin/issuers"), (HttpMethod.Get, "/v1/admin/issuers"), (HttpMethod.Get, "/v1/admin/issuers/demo"),
            (HttpMethod.Patch, "/v1/admin/issuers/demo"), (HttpMethod.Post, "/v1/admin/issuers/demo/api-keys"),
            (HttpMethod.Get, "/v1/admin/issuers/demo/api-keys"), (HttpMethod.Delete, "/v1/admin/issuers/demo/api-keys/x"),
            (HttpMethod.Get, "/v1/admin/issuers/demo/keys"), (HttpMethod.Post, "/v1/admin/issuers/demo/keys/rotate"),
            (HttpMethod.Post, "/v1/admin/issuers/demo/keys/key-1/retire"),
        };
        foreach (var (method, path) in endpoints)
        {
            var body = method == HttpMethod.Get || method == HttpMethod.Delete ? null : new JsonObject();
            (await SendAsync(anonymous, method, path, body)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} without credentials");
            (await SendAsync(_factory.CreateClient(AdminKey + "x"), method, path, body)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} with a wrong admin key");
            var forbidden = await SendAsync(_factory.CreateClient(ServiceFactory.DemoApiKey), method, path, body);
            forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{method} {path} with a tenant's API key");
            forbidden.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task Without_an_admin_credential_configured_the_admin_api_answers_401_saying_it_is_disabled()
    {
        using var factory = new ServiceFactory();
        var response = await factory.CreateClient(AdminKey).GetAsync("/v1/admin/issuers");
        var problem = await ExpectAsync(response, HttpStatusCode.Unauthorized);
        problem["detail"]!.GetValue<string>().Should().Contain("disabled");
    }

    [Fact]
    public void A_short_admin_key_stops_the_service_from_starting()
    {
        using var factory = new ServiceFactory(settings: new() { ["VcService:AdminApiKey"] = "short" });
        var act = () => factory.CreateClient();
        act.Should().Throw<Exception>().Where(e => e.ToString().Contains("AdminApiKey"));
    }

    [Fact]
    public async Task Api_keys_are_shown_once_listed_without_secrets_and_revocable()
    {
        await CreateIssuerAsync(Admin, "uni-f");
        var body = new JsonObject { ["scopes"] = new JsonArray("credentials:issue", "credentials:read") };
        var response = await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/uni-f/api-keys", body);
        var created = await ExpectAsync(response, HttpStatusCode.Created);
        var secret = created["apiKey"]!.GetValue<string>();
        var keyId = created["id"]!.GetValue<string>();
        secret.Should().StartWith("vck_");
        response.Headers.Location!.ToString().Should().Be($"/v1/admin/issuers/uni-f/api-keys/{keyId}");

        var client = _factory.CreateClient(secret);
        var issued = await IssueAsync(client, "uni-f");
        (await client.GetAsync($"/v1/issuers/uni-f/credentials/{issued["id"]}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await IssueAsync(client, "demo", HttpStatusCode.Forbidden);

        var listText = await (await Admin.GetAsync("/v1/admin/issuers/uni-f/api-keys")).Content.ReadAsStringAsync();
        listText.Should().NotContain(secret).And.NotContain("\"apiKey\"").And.NotContain(Auth.ApiKeys.Hash(secret));
        var list = JsonNode.Parse(listText)!["apiKeys"]!.AsArray();
        list.Single()!["id"]!.GetValue<string>().Should().Be(keyId);
        list.Single()!["scopes"]!.AsArray().Select(s => (string?)s).Should().Equal("credentials:issue", "credentials:read");

        (await SendAsync(Admin, HttpMethod.Delete, $"/v1/admin/issuers/uni-f/api-keys/{keyId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync($"/v1/issuers/uni-f/credentials/{issued["id"]}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(Admin, HttpMethod.Delete, $"/v1/admin/issuers/uni-f/api-keys/{keyId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var revoked = await ExpectAsync(await Admin.GetAsync("/v1/admin/issuers/uni-f/api-keys"), HttpStatusCode.OK);
        revoked["apiKeys"]![0]!["revokedAt"].Should().NotBeNull();

        var auditor = _factory.CreateClient(await CreateApiKeyAsync(Admin, "uni-f", "credentials:read"));
        var audit = await ExpectAsync(await auditor.GetAsync("/v1/issuers/uni-f/audit"), HttpStatusCode.OK);
        audit.ToJsonString().Should().Contain("issuer-create").And.Contain("api-key-create").And.Contain("api-key-revoke").And.Contain("admin-key");
    }

    [Fact]
    public async Task Unknown_scopes_are_400_with_their_index()
    {
        var body = new JsonObject { ["scopes"] = new JsonArray("credentials:issue", "admin", 7) };
        var problem = await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/api-keys", body), HttpStatusCode.BadRequest);
        Errors(problem).Should().Equal("scopes[1]", "scopes[2]");
        var empty = await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/api-keys", new JsonObject { ["scopes"] = new JsonArray() }), HttpStatusCode.BadRequest);
        Errors(empty).Should().Equal("scopes");
        await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/nobody/api-keys", new JsonObject { ["scopes"] = new JsonArray("credentials:read") }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_without_the_scope_is_403_on_that_endpoint()
    {
        var readOnly = await CreateApiKeyAsync(Admin, "demo", "credentials:read");
        await IssueAsync(_factory.CreateClient(readOnly), "demo", HttpStatusCode.Forbidden);
        (await _factory.CreateClient(readOnly).GetAsync($"/v1/issuers/demo/credentials/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_admin_body_is_413()
    {
        var body = IssuerBody("uni-big");
        body["region"] = new string('x', 70_000);
        await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers", body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_database_from_before_the_admin_columns_still_opens()
    {
        var dir = ServiceFactory.NewDataDirectory();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dir, "vcservice.db")}"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE tenants (id TEXT PRIMARY KEY, legal_name_json TEXT NOT NULL, country TEXT NOT NULL, legal_identifier TEXT NULL,
                    deqar_id TEXT NULL, homepage TEXT NULL, default_profile TEXT NOT NULL, default_format TEXT NOT NULL,
                    validation_profile TEXT NULL, created_at TEXT NOT NULL);
                CREATE TABLE signing_keys (tenant_id TEXT NOT NULL REFERENCES tenants(id), key_id TEXT NOT NULL, key_type TEXT NOT NULL,
                    public_key_multibase TEXT NOT NULL, encrypted_private_key BLOB NOT NULL, created_at TEXT NOT NULL, active INTEGER NOT NULL,
                    retired_at TEXT NULL, PRIMARY KEY (tenant_id, key_id));
                INSERT INTO tenants VALUES ('old-uni', '{"en":"Old University"}', 'NL', 'NL-KVK-123', NULL, NULL, 'elm', 'jwt', NULL, '2025-01-01T00:00:00.0000000Z');
                """;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        using var factory = new ServiceFactory(dir, settings: Settings());
        var old = await ExpectAsync(await factory.CreateClient(AdminKey).GetAsync("/v1/admin/issuers/old-uni"), HttpStatusCode.OK);
        old["legalIdentifiers"]!["national"]!.GetValue<string>().Should().Be("NL-KVK-123");
        old["keyType"]!.GetValue<string>().Should().Be("Ed25519");
        old["suspensionEnabled"]!.GetValue<bool>().Should().BeFalse();
        var rotated = await SendAsync(factory.CreateClient(AdminKey), HttpMethod.Post, "/v1/admin/issuers/old-uni/keys/rotate");
        await ExpectAsync(rotated, HttpStatusCode.Created);
    }
}
