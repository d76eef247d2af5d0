using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FluentAssertions;
using static VcService.Api.Tests.AdminClient;

namespace VcService.Api.Tests;

/// <summary>Every issuer endpoint × every way to be refused: 401 without valid credentials, 403 for another tenant or a missing scope.</summary>
public sealed class IssuerAuthMatrixTests : IAsyncLifetime
{
    private readonly OAuthTestProvider _idp = new();
    private ServiceFactory _factory = null!;
    private readonly Dictionary<string, string> _keys = [];

    /// <summary>Endpoint, method, body, the scope it needs.</summary>
    public static readonly (HttpMethod Method, string Path, string Scope)[] Endpoints =
    [
        (HttpMethod.Post, "/v1/issuers/demo/credentials", "credentials:issue"),
        (HttpMethod.Get, "/v1/issuers/demo/credentials/00000000-0000-0000-0000-000000000000", "credentials:read"),
        (HttpMethod.Post, "/v1/issuers/demo/credentials/00000000-0000-0000-0000-000000000000/status", "credentials:status"),
        (HttpMethod.Get, "/v1/issuers/demo/credentials/00000000-0000-0000-0000-000000000000/status", "credentials:read"),
        (HttpMethod.Get, "/v1/issuers/demo/audit", "credentials:read"),
    ];

    public static TheoryData<int> EndpointIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Endpoints.Length; i++)
            data.Add(i);
        return data;
    }

    public async Task InitializeAsync()
    {
        _factory = new ServiceFactory(settings: Settings(_idp.Settings()));
        var admin = _factory.CreateClient(AdminKey);
        await CreateIssuerAsync(admin, "other-uni");
        _keys["other"] = await CreateApiKeyAsync(admin, "other-uni", "credentials:issue", "credentials:status", "credentials:read");
        foreach (var scope in new[] { "credentials:issue", "credentials:status", "credentials:read" })
            _keys["all-but-" + scope] = await CreateApiKeyAsync(admin, "demo", new[] { "credentials:issue", "credentials:status", "credentials:read" }.Where(s => s != scope).ToArray());
        _keys["revoked"] = await CreateApiKeyAsync(admin, "demo", "credentials:issue", "credentials:status", "credentials:read");
        var list = await ExpectAsync(await admin.GetAsync("/v1/admin/issuers/demo/api-keys"), HttpStatusCode.OK);
        var revokedId = list["apiKeys"]!.AsArray().Last()!["id"]!.GetValue<string>();
        await ExpectAsync(await SendAsync(admin, HttpMethod.Delete, $"/v1/admin/issuers/demo/api-keys/{revokedId}"), HttpStatusCode.NoContent);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        _idp.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpStatusCode> CallAsync(int endpoint, string? bearer)
    {
        var (method, path, _) = Endpoints[endpoint];
        var client = _factory.CreateClient();
        if (bearer is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var body = method == HttpMethod.Post ? new JsonObject { ["action"] = "revoke" } : null;
        var response = await SendAsync(client, method, path, body);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return response.StatusCode;
    }

    [Theory]
    [MemberData(nameof(EndpointIndexes))]
    public async Task Missing_or_bad_credentials_are_401(int endpoint)
    {
        (await CallAsync(endpoint, null)).Should().Be(HttpStatusCode.Unauthorized, "no credentials");
        (await CallAsync(endpoint, "vck_not_a_key")).Should().Be(HttpStatusCode.Unauthorized, "unknown API key");
        (await CallAsync(endpoint, _keys["revoked"])).Should().Be(HttpStatusCode.Unauthorized, "revoked API key");
        (await CallAsync(endpoint, _idp.Token(expiresIn: TimeSpan.FromMinutes(-5)))).Should().Be(HttpStatusCode.Unauthorized, "expired token");
        (await CallAsync(endpoint, _idp.Token(audience: "someone-else"))).Should().Be(HttpStatusCode.Unauthorized, "wrong audience");
        (await CallAsync(endpoint, _idp.Token(signer: OAuthTestProvider.Signer.Unpublished))).Should().Be(HttpStatusCode.Unauthorized, "bad signature");
    }

    [Theory]
    [MemberData(nameof(EndpointIndexes))]
    public async Task Another_tenant_is_403(int endpoint)
    {
        (await CallAsync(endpoint, _keys["other"])).Should().Be(HttpStatusCode.Forbidden, "API key of another tenant");
        (await CallAsync(endpoint, _idp.Token(tenant: "other-uni"))).Should().Be(HttpStatusCode.Forbidden, "token of another tenant");
        (await CallAsync(endpoint, AdminKey)).Should().Be(HttpStatusCode.Forbidden, "the admin acts for no tenant");
    }

    [Theory]
    [MemberData(nameof(EndpointIndexes))]
    public async Task A_missing_scope_is_403_and_the_scope_is_enough(int endpoint)
    {
        var scope = Endpoints[endpoint].Scope;
        (await CallAsync(endpoint, _keys["all-but-" + scope])).Should().Be(HttpStatusCode.Forbidden, $"API key without {scope}");
        var others = string.Join(' ', new[] { "credentials:issue", "credentials:status", "credentials:read" }.Where(s => s != scope));
        (await CallAsync(endpoint, _idp.Token(scope: others))).Should().Be(HttpStatusCode.Forbidden, $"token without {scope}");

        (await CallAsync(endpoint, _idp.Token(scope: scope))).Should().NotBe(HttpStatusCode.Forbidden).And.NotBe(HttpStatusCode.Unauthorized);
        (await CallAsync(endpoint, ServiceFactory.DemoApiKey)).Should().NotBe(HttpStatusCode.Forbidden).And.NotBe(HttpStatusCode.Unauthorized);
    }
}
