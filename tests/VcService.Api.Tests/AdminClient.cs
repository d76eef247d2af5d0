using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.Api.Tests;

/// <summary>Helpers for the admin API in tests: a configured admin key and small request wrappers.</summary>
public static class AdminClient
{
    public const string AdminKey = "admin_test_key_0123456789abcdef";

    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["VcService:AdminApiKey"] = AdminKey };
        foreach (var (k, v) in more ?? [])
            settings[k] = v;
        return settings;
    }

    public static JsonObject IssuerBody(string id, string? keyType = null)
    {
        var body = new JsonObject
        {
            ["id"] = id,
            ["legalName"] = new JsonObject { ["en"] = $"University {id}", ["nl"] = $"Universiteit {id}" },
            ["legalIdentifiers"] = new JsonObject { ["national"] = "0123.456.789", ["vat"] = "BE0123456789", ["eter"] = "BE0042" },
            ["country"] = "BE",
            ["region"] = "BE2",
            ["deqarId"] = "DEQARINST0042",
            ["homepage"] = $"https://{id}.example",
            ["validationProfile"] = "deqar",
            ["suspensionEnabled"] = true,
        };
        if (keyType is not null)
            body["keyType"] = keyType;
        return body;
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return client.SendAsync(request);
    }

    public static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> CreateIssuerAsync(HttpClient admin, string id, string? keyType = null) =>
        await ExpectAsync(await SendAsync(admin, HttpMethod.Post, "/v1/admin/issuers", IssuerBody(id, keyType)), HttpStatusCode.Created);

    public static async Task<string> CreateApiKeyAsync(HttpClient admin, string issuerId, params string[] scopes)
    {
        var body = new JsonObject { ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()) };
        var created = await ExpectAsync(await SendAsync(admin, HttpMethod.Post, $"/v1/admin/issuers/{issuerId}/api-keys", body), HttpStatusCode.Created);
        return created["apiKey"]!.GetValue<string>();
    }

    public static async Task<JsonObject> IssueAsync(HttpClient client, string issuerId, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await SendAsync(client, HttpMethod.Post, $"/v1/issuers/{issuerId}/credentials", TestData.FirstSample());
        return await ExpectAsync(response, expected);
    }

    public static string[] Errors(JsonObject problem) =>
        problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToArray();
}
