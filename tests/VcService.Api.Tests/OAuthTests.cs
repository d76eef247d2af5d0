using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FluentAssertions;
using static VcService.Api.Tests.AdminClient;

namespace VcService.Api.Tests;

/// <summary>OAuth 2.0 bearer JWTs from an HEI's identity provider (JWKS file with RSA and P-256 keys).</summary>
public sealed class OAuthTests : IDisposable
{
    private readonly OAuthTestProvider _idp = new();
    private readonly ServiceFactory _factory;

    public OAuthTests() => _factory = new ServiceFactory(settings: _idp.Settings());

    public void Dispose()
    {
        _factory.Dispose();
        _idp.Dispose();
    }

    private HttpClient Client(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string MissingCredential => $"/v1/issuers/demo/credentials/{Guid.NewGuid()}";

    [Theory]
    [InlineData(OAuthTestProvider.Signer.Rsa)]
    [InlineData(OAuthTestProvider.Signer.EcP256)]
    public async Task A_valid_token_issues_for_its_tenant(OAuthTestProvider.Signer signer)
    {
        var client = Client(_idp.Token(signer: signer));
        var issued = await IssueAsync(client, "demo");
        var fetched = await ExpectAsync(await client.GetAsync($"/v1/issuers/demo/credentials/{issued["id"]}"), HttpStatusCode.OK);
        fetched["id"]!.GetValue<string>().Should().Be(issued["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scopes_may_come_as_an_scp_array()
    {
        var token = _idp.Token(scope: null, extraClaims: new Dictionary<string, object> { ["scp"] = new[] { "credentials:read" } });
        (await Client(token).GetAsync(MissingCredential)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the read scope is enough to look");
        await IssueAsync(Client(token), "demo", HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("audience")]
    [InlineData("issuer")]
    [InlineData("expired")]
    [InlineData("signature")]
    [InlineData("tampered")]
    [InlineData("hmac")]
    [InlineData("garbage")]
    public async Task A_bad_token_is_401(string flaw)
    {
        var token = flaw switch
        {
            "audience" => _idp.Token(audience: "another-service"),
            "issuer" => _idp.Token(issuer: "https://evil.example"),
            "expired" => _idp.Token(expiresIn: TimeSpan.FromMinutes(-10)),
            "signature" => _idp.Token(signer: OAuthTestProvider.Signer.Unpublished),
            "tampered" => Tamper(_idp.Token(tenant: "demo")),
            "hmac" => _idp.HmacToken(),
            _ => "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.x",
        };
        var response = await Client(token).GetAsync(MissingCredential);
        var problem = await ExpectAsync(response, HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.WwwAuthenticate.Should().NotBeEmpty();
        problem["detail"]!.GetValue<string>().Should().NotContain(token);
    }

    /// <summary>Changes the payload (another tenant) but keeps the original signature.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["vcservice_tenant"] = "other";
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    [Fact]
    public async Task Expired_token_says_so()
    {
        var problem = await ExpectAsync(await Client(_idp.Token(expiresIn: TimeSpan.FromMinutes(-10))).GetAsync(MissingCredential), HttpStatusCode.Unauthorized);
        problem["detail"]!.GetValue<string>().Should().Contain("expired");
    }

    [Fact]
    public async Task Missing_scope_is_403()
    {
        var token = _idp.Token(scope: "credentials:read");
        var problem = await IssueAsync(Client(token), "demo", HttpStatusCode.Forbidden);
        problem["detail"]!.GetValue<string>().Should().Contain("credentials:issue");
    }

    [Fact]
    public async Task Wrong_tenant_is_403()
    {
        var problem = await IssueAsync(Client(_idp.Token(tenant: "another-university")), "demo", HttpStatusCode.Forbidden);
        problem["detail"]!.GetValue<string>().Should().Contain("demo");
    }

    [Fact]
    public async Task A_token_without_the_tenant_claim_or_with_two_tenants_is_403()
    {
        await IssueAsync(Client(_idp.Token(tenant: null)), "demo", HttpStatusCode.Forbidden);
        var two = _idp.Token(tenant: null, extraClaims: new Dictionary<string, object> { ["vcservice_tenant"] = new[] { "demo", "other" } });
        await IssueAsync(Client(two), "demo", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_service_claim_types_in_a_token_are_ignored()
    {
        // A token that tries to set the service's internal claims directly gets nothing from them.
        var token = _idp.Token(tenant: null, scope: null, extraClaims: new Dictionary<string, object>
        {
            ["vc_tenant"] = "demo", ["vc_admin"] = "true", ["scope"] = "nothing-useful",
        });
        await IssueAsync(Client(token), "demo", HttpStatusCode.Forbidden);
        (await Client(token).GetAsync("/v1/admin/issuers")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_tenant_claim_name_is_configurable()
    {
        using var factory = new ServiceFactory(settings: _idp.Settings(new() { ["VcService:OAuth:TenantClaim"] = "hei" }));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            _idp.Token(tenant: null, extraClaims: new Dictionary<string, object> { ["hei"] = "demo" }));
        (await client.GetAsync(MissingCredential)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _idp.Token(tenant: "demo"));
        (await client.GetAsync(MissingCredential)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "vcservice_tenant is not the configured claim");
    }

    [Fact]
    public async Task No_credentials_is_401()
    {
        var response = await _factory.CreateClient().GetAsync(MissingCredential);
        await ExpectAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_keys_keep_working_beside_oauth()
    {
        (await _factory.CreateClient(ServiceFactory.DemoApiKey).GetAsync(MissingCredential)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _factory.CreateClient("vck_unknown").GetAsync(MissingCredential)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_with_the_admin_scope_manages_issuers()
    {
        var admin = Client(_idp.Token(tenant: null, scope: "admin"));
        await CreateIssuerAsync(admin, "oauth-uni");
        var key = await CreateApiKeyAsync(admin, "oauth-uni", "credentials:issue");
        await IssueAsync(_factory.CreateClient(key), "oauth-uni");
        (await Client(_idp.Token()).GetAsync("/v1/admin/issuers")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "tenant scopes are not admin");
        (await Client(_idp.Token(scope: "admin", audience: "elsewhere")).GetAsync("/v1/admin/issuers")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Half_configured_oauth_stops_the_service_from_starting()
    {
        using var factory = new ServiceFactory(settings: new() { ["VcService:OAuth:Issuer"] = OAuthTestProvider.Issuer });
        var act = () => factory.CreateClient();
        act.Should().Throw<Exception>().Where(e => e.ToString().Contains("Audience"));
    }

    [Fact]
    public async Task A_new_key_in_the_jwks_file_is_picked_up_when_a_token_names_it()
    {
        using var other = new OAuthTestProvider(kidPrefix: "2026-");
        var token = other.Token();
        (await Client(_idp.Token()).GetAsync(MissingCredential)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the first JWKS is loaded");
        // The provider rotated its keys: the operator replaces the JWKS file. The first token naming an
        // unknown key asks for a refresh (at most one per 30 s), which the configuration manager does in the background.
        File.Copy(other.JwksFile, _idp.JwksFile, overwrite: true);
        var status = HttpStatusCode.Unauthorized;
        for (var attempt = 0; attempt < 50 && status != HttpStatusCode.NotFound; attempt++)
        {
            status = (await Client(token).GetAsync(MissingCredential)).StatusCode;
            if (status != HttpStatusCode.NotFound)
                await Task.Delay(100);
        }
        status.Should().Be(HttpStatusCode.NotFound, await (await Client(token).GetAsync(MissingCredential)).Content.ReadAsStringAsync());
    }
}

public sealed class TokenShapeTests
{
    [Theory]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", true)]
    [InlineData("vck_abc.def.ghi", false)]
    [InlineData("vck_abcdef", false)]
    [InlineData("a.b", false)]
    [InlineData("a.b.c.d", false)]
    [InlineData("a b.c.d", false)]
    [InlineData("a.b+/.c", false)]
    public void Jwt_shaped_bearer_values_go_to_oauth_and_the_rest_to_api_keys(string token, bool jwt) =>
        Auth.VcServiceAuthentication.LooksLikeJwt(token).Should().Be(jwt);
}
