using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using VcService.Api.Auth;
using VcService.Storage.Abstractions;

namespace VcService.Api.Tests;

/// <summary>Authentication, authorisation and bad input: every path answers 4xx with a problem that names the cause.</summary>
public sealed class RequestRulesTests : IDisposable
{
    private readonly ServiceFactory _factory = new(settings: new() { ["VcService:MaxRequestBodyBytes"] = "65536" });

    public void Dispose() => _factory.Dispose();

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string contentType = "application/json") =>
        await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<string> AddTenantWithKeyAsync(string tenantId, params string[] scopes)
    {
        var services = _factory.Services;
        await services.GetRequiredService<ITenantStore>().TryAddAsync(new IssuerTenant
        {
            Id = tenantId,
            LegalName = new Dictionary<string, string> { ["en"] = "Other University" },
            Country = "NL",
            CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        var secret = ApiKeys.Generate();
        await services.GetRequiredService<IApiKeyStore>().AddAsync(new StoredApiKey
        {
            Id = Guid.NewGuid().ToString("N"),
            TenantId = tenantId,
            SecretHash = ApiKeys.Hash(secret),
            Scopes = scopes,
            CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        return secret;
    }

    [Fact]
    public async Task Missing_credentials_are_401()
    {
        var response = await PostAsync(_factory.CreateClient(), "/v1/issuers/demo/credentials", TestData.FirstSample().ToJsonString());
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Unknown_api_key_is_401()
    {
        var response = await PostAsync(_factory.CreateClient("vck_not_a_real_key"), "/v1/issuers/demo/credentials", TestData.FirstSample().ToJsonString());
        (await ProblemAsync(response, HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>().Should().Contain("API key");
    }

    [Fact]
    public async Task Another_tenants_key_is_403()
    {
        var otherKey = await AddTenantWithKeyAsync("other", Scopes.All.ToArray());
        var response = await PostAsync(_factory.CreateClient(otherKey), "/v1/issuers/demo/credentials", TestData.FirstSample().ToJsonString());
        (await ProblemAsync(response, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>().Should().Contain("demo");
        (await _factory.CreateClient(otherKey).GetAsync($"/v1/issuers/demo/credentials/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Missing_scope_is_403()
    {
        var readOnly = await AddTenantWithKeyAsync("reader", Scopes.Read);
        var response = await PostAsync(_factory.CreateClient(readOnly), "/v1/issuers/reader/credentials", TestData.FirstSample().ToJsonString());
        (await ProblemAsync(response, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>().Should().Contain(Scopes.Issue);
    }

    [Fact]
    public async Task Invalid_record_lists_every_error_with_its_path()
    {
        var record = TestData.FirstSample();
        record.Remove("title");
        record.Remove("learningOutcomes");
        record["workload"] = new JsonObject { ["ects"] = 0 };
        var response = await PostAsync(_factory.CreateClient(ServiceFactory.DemoApiKey), "/v1/issuers/demo/credentials", record.ToJsonString());
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var paths = problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        paths.Should().Contain("title").And.Contain("learningOutcomes").And.Contain(p => p.StartsWith("workload"));
        problem["errors"]!.AsArray().Should().OnlyContain(e => e!["message"]!.GetValue<string>().Length > 0);
    }

    [Theory]
    [InlineData("{\"learner\": ")]
    [InlineData("not json")]
    [InlineData("{\"a\":1,}")]
    public async Task Malformed_json_is_400(string body)
    {
        var response = await PostAsync(_factory.CreateClient(ServiceFactory.DemoApiKey), "/v1/issuers/demo/credentials", body);
        (await ProblemAsync(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>().Should().Contain("not valid JSON");
    }

    [Fact]
    public async Task Too_deeply_nested_json_is_400()
    {
        var body = new string('[', 200) + new string(']', 200);
        var response = await PostAsync(_factory.CreateClient(ServiceFactory.DemoApiKey), "/v1/issuers/demo/credentials", body);
        (await ProblemAsync(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>().Should().Contain("deeper");
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var body = "{\"x\":\"" + new string('a', 70_000) + "\"}";
        var response = await PostAsync(_factory.CreateClient(ServiceFactory.DemoApiKey), "/v1/issuers/demo/credentials", body);
        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        var verify = await PostAsync(_factory.CreateClient(), "/v1/verify", body);
        await ProblemAsync(verify, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Non_json_media_type_is_415()
    {
        var response = await PostAsync(_factory.CreateClient(ServiceFactory.DemoApiKey), "/v1/issuers/demo/credentials", "a,b", "text/csv");
        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("?profile=nope", "profile")]
    [InlineData("?format=ldp", "format")]
    public async Task Unknown_profile_or_format_is_400_naming_the_parameter(string query, string path)
    {
        var response = await PostAsync(_factory.CreateClient(ServiceFactory.DemoApiKey), "/v1/issuers/demo/credentials" + query, TestData.FirstSample().ToJsonString());
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Should().Contain(path);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"credential\": 42}")]
    [InlineData("{\"credential\": null}")]
    [InlineData("[1,2]")]
    public async Task Verify_body_that_is_not_a_credential_is_400(string body)
    {
        var response = await PostAsync(_factory.CreateClient(), "/v1/verify", body);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Should().Contain("credential");
    }
}
