using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using VcService.Api.Auth;
using VcService.Api.Tenants;
using VcService.Crypto;
using VcService.Storage.Abstractions;
using static VcService.Api.Tests.IssueAndVerifyTests;

namespace VcService.Api.Tests;

/// <summary>One service for the class: issuing is what is tested, not a fresh database per test.</summary>
public sealed class FormatsFixture : IDisposable
{
    public ServiceFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

/// <summary>Every format × profile the issuer API allows, the refused pairs, and /v1/verify on each (issue #4 items 4–5).</summary>
public sealed class FormatsTests(FormatsFixture fixture) : IClassFixture<FormatsFixture>
{
    private const string Did = "did:web:vc.test.example:issuers:demo";

    private HttpClient Client() => fixture.Factory.CreateClient(ServiceFactory.DemoApiKey);

    public static TheoryData<string, string> Allowed => new()
    {
        { "elm", "jwt" },
        { "elm", "di-eddsa-rdfc-2022" },
        { "elm", "di-eddsa-jcs-2022" },
        { "elm", "di-ecdsa-rdfc-2019" },
        { "obv3", "vc+jwt" },
        { "obv3", "di-eddsa-rdfc-2022" },
        { "obv3", "di-eddsa-jcs-2022" },
        { "obv3", "di-ecdsa-rdfc-2019" },
    };

    internal static async Task<HttpResponseMessage> PostIssueAsync(HttpClient client, string? profile, string? format)
    {
        var query = string.Join('&', new[] { profile is null ? null : "profile=" + profile, format is null ? null : "format=" + Uri.EscapeDataString(format) }.Where(q => q is not null));
        return await client.PostAsync("/v1/issuers/demo/credentials" + (query.Length > 0 ? "?" + query : ""),
            new StringContent(TestData.FirstSample().ToJsonString(), Encoding.UTF8, "application/json"));
    }

    internal static async Task<JsonObject> IssueAsync(HttpClient client, string? profile, string? format)
    {
        var response = await PostIssueAsync(client, profile, format);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static string Message(JsonObject report, string check) =>
        report["checks"]!.AsArray().First(c => (string?)c!["check"] == check)!["message"]!.GetValue<string>();

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Issue_then_verify(string profile, string format)
    {
        var client = Client();
        var issued = await IssueAsync(client, profile, format);
        issued["profile"]!.GetValue<string>().Should().Be(profile);
        issued["format"]!.GetValue<string>().Should().Be(format);
        var credential = issued["credential"]!;
        if (format.StartsWith("di-", StringComparison.Ordinal))
        {
            credential.Should().BeOfType<JsonObject>("Data Integrity credentials are returned as JSON");
            var proof = credential["proof"]!.AsObject();
            ((string?)proof["type"]).Should().Be("DataIntegrityProof");
            ((string?)proof["cryptosuite"]).Should().Be(format["di-".Length..]);
            ((string?)proof["verificationMethod"]).Should().StartWith(Did + "#key-");
            ((string?)proof["proofPurpose"]).Should().Be("assertionMethod");
        }
        else
        {
            var jws = credential.GetValue<string>();
            var header = JsonNode.Parse(Convert.FromBase64String(Pad(jws.Split('.')[0])))!;
            ((string?)header["typ"]).Should().Be(format == "vc+jwt" ? "vc+jwt" : "JWT");
        }

        var report = await VerifyAsync(client, credential);
        report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
        foreach (var check in new[] { "format", "signature", "status", "validity", "annexI" })
            CheckStatus(report, check).Should().Be("ok", $"{check}: {report.ToJsonString()}");
        report["profile"]!.GetValue<string>().Should().Be(profile);

        var stored = await client.GetFromJsonAsync<JsonObject>($"/v1/issuers/demo/credentials/{issued["id"]}");
        JsonNode.DeepEquals(stored!["credential"], credential).Should().BeTrue("the stored credential is what was issued");
        JsonNode.DeepEquals(report["annexI"], stored["record"]).Should().BeTrue("the Annex I view reads back as the record");
    }

    [Theory]
    [InlineData("elm", "vc+jwt")]
    [InlineData("obv3", "jwt")]
    public async Task Mismatched_profile_and_format_are_400_naming_format(string profile, string format)
    {
        var response = await PostIssueAsync(Client(), profile, format);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body.ToJsonString());
        body["errors"]!.AsArray().Select(e => (string?)e!["path"]).Should().Equal("format");
        ((string?)body["errors"]![0]!["message"]).Should().Contain($"'{profile}'");
    }

    [Fact]
    public async Task Defaults_come_from_the_tenant_and_a_profile_alone_gets_its_natural_format()
    {
        var issued = await IssueAsync(Client(), null, null);
        ((string?)issued["profile"]).Should().Be("elm");
        ((string?)issued["format"]).Should().Be("jwt");
        var withProfile = await IssueAsync(Client(), "elm", null);
        ((string?)withProfile["format"]).Should().Be("jwt");
        var withFormat = await IssueAsync(Client(), null, "di-eddsa-jcs-2022");
        ((string?)withFormat["profile"]).Should().Be("elm");
        var obv3 = await IssueAsync(Client(), "obv3", null);
        ((string?)obv3["format"]).Should().Be("vc+jwt", "the tenant's default jwt cannot secure VC 2.0, so obv3 gets its natural format");
        var vcJwt = await IssueAsync(Client(), null, "vc+jwt");
        ((string?)vcJwt["profile"]).Should().Be("obv3", "vc+jwt only secures obv3");
    }

    [Fact]
    public async Task An_ecdsa_format_creates_and_publishes_a_p256_key_and_jwt_keeps_the_ed25519_key()
    {
        var client = Client();
        var issued = await IssueAsync(client, "elm", "di-ecdsa-rdfc-2019");
        var method = (string)issued["credential"]!["proof"]!["verificationMethod"]!;
        method.Should().EndWith("-auto", "a key made on demand is marked so it does not become the tenant's default key type");

        var document = await client.GetFromJsonAsync<JsonObject>("/issuers/demo/did.json");
        var methods = document!["verificationMethod"]!.AsArray();
        var multikey = methods.Single(m => (string?)m!["id"] == method)!;
        ((string?)multikey["type"]).Should().Be("Multikey");
        ((string?)multikey["publicKeyMultibase"]).Should().StartWith("zDn");
        var jwk = methods.Single(m => (string?)m!["id"] == method + "-jwk")!;
        ((string?)jwk["publicKeyJwk"]!["crv"]).Should().Be("P-256");
        document["assertionMethod"]!.AsArray().Select(a => (string?)a).Should().Contain([method, method + "-jwk"]);

        var second = await IssueAsync(client, "elm", "di-ecdsa-rdfc-2019");
        ((string?)second["credential"]!["proof"]!["verificationMethod"]).Should().Be(method, "the P-256 key is created once");

        var jwt = (await IssueAsync(client, "elm", "jwt"))["credential"]!.GetValue<string>();
        var header = JsonNode.Parse(Convert.FromBase64String(Pad(jwt.Split('.')[0])))!;
        ((string?)header["alg"]).Should().Be("EdDSA", "the tenant's default key type stays Ed25519");
    }

    [Fact]
    public async Task A_data_integrity_tenant_gets_its_format_for_both_profiles_and_its_vc2_status_lists_carry_a_proof()
    {
        const string apiKey = "vck_test_ditenant_0123456789";
        _ = fixture.Factory.CreateClient(); // starts the host (schema, demo tenant)
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            if (await services.GetRequiredService<ITenantStore>().GetAsync("ditenant", default) is null)
            {
                await services.GetRequiredService<ITenantStore>().TryAddAsync(new IssuerTenant
                {
                    Id = "ditenant", LegalName = new Dictionary<string, string> { ["en"] = "DI University" }, Country = "NL",
                    CreatedAt = DateTimeOffset.UtcNow, DefaultProfile = "obv3", DefaultFormat = "di-eddsa-rdfc-2022",
                }, default);
                await services.GetRequiredService<TenantKeyService>().CreateKeyAsync("ditenant", KeyType.Ed25519, default);
                await services.GetRequiredService<IApiKeyStore>().AddAsync(new StoredApiKey
                {
                    Id = "ditenant-key", TenantId = "ditenant", SecretHash = ApiKeys.Hash(apiKey), Scopes = Scopes.All, CreatedAt = DateTimeOffset.UtcNow,
                }, default);
            }
        }
        var client = fixture.Factory.CreateClient(apiKey);
        foreach (var (profile, expectedProfile) in new[] { ((string?)null, "obv3"), ("elm", "elm") })
        {
            var query = profile is null ? "" : "?profile=" + profile;
            var response = await client.PostAsync("/v1/issuers/ditenant/credentials" + query,
                new StringContent(TestData.FirstSample().ToJsonString(), Encoding.UTF8, "application/json"));
            var issued = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            response.StatusCode.Should().Be(HttpStatusCode.Created, issued.ToJsonString());
            ((string?)issued["profile"]).Should().Be(expectedProfile);
            ((string?)issued["format"]).Should().Be("di-eddsa-rdfc-2022", "the tenant's default format fits both profiles");
            var report = await VerifyAsync(client, issued["credential"]!);
            report["verified"]!.GetValue<bool>().Should().BeTrue(report.ToJsonString());
            CheckStatus(report, "status").Should().Be("ok");

            var entry = issued["credential"]!["credentialStatus"]!;
            var listUrl = new Uri((string)(entry is JsonArray a ? a[0]! : entry)["statusListCredential"]!);
            var list = await client.GetAsync(listUrl.AbsolutePath);
            list.StatusCode.Should().Be(HttpStatusCode.OK);
            if (expectedProfile == "obv3")
            {
                list.Content.Headers.ContentType!.MediaType.Should().Be("application/vc");
                ((string?)JsonNode.Parse(await list.Content.ReadAsStringAsync())!["proof"]!["cryptosuite"]).Should().Be("eddsa-rdfc-2022");
            }
        }
    }

    public static TheoryData<string, string, string> Tampering => new()
    {
        // name, what to change, what the signature check must say
        { "changed claim", "claim", "signature does not match" },
        { "changed proof option", "created", "signature does not match" },
        { "wrong proofPurpose", "purpose", "proofPurpose" },
        { "missing proofValue", "noProofValue", "proofValue" },
        { "unknown cryptosuite", "suite", "cryptosuite" },
        { "a term the context drops", "dropped", "is not valid" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Tampered_data_integrity_credentials_are_not_verified_with_the_check_named(string name, string change, string mention)
    {
        var client = Client();
        // VC 2.0 (obv3) maps undefined terms with @vocab, so only the elm (VC 1.1) context can drop one.
        var profiles = change == "dropped" ? new[] { "elm" } : new[] { "elm", "obv3" };
        foreach (var (profile, format) in profiles.SelectMany(p => new[] { "di-eddsa-rdfc-2022", "di-eddsa-jcs-2022", "di-ecdsa-rdfc-2019" }.Select(f => (p, f))))
        {
            var credential = (await IssueAsync(client, profile, format))["credential"]!.AsObject();
            var proof = credential["proof"]!.AsObject();
            switch (change)
            {
                case "claim": credential["credentialSubject"]!["id"] = "did:example:someone-else"; break;
                case "created": proof["created"] = "2020-01-01T00:00:00Z"; break;
                case "purpose": proof["proofPurpose"] = "authentication"; break;
                case "noProofValue": proof.Remove("proofValue"); break;
                case "suite": proof["cryptosuite"] = "eddsa-2099"; break;
                case "dropped": credential["credentialSubject"]!["notDefinedByAnyContext"] = "x"; break;
            }
            var report = await VerifyAsync(client, credential);
            report["verified"]!.GetValue<bool>().Should().BeFalse($"{name} ({profile} {format})");
            CheckStatus(report, "signature").Should().Be("failed", $"{name} ({profile} {format}): {report.ToJsonString()}");
            Message(report, "signature").Should().Contain(mention, $"{name} ({profile} {format})");
            if (change == "dropped" && format.Contains("rdfc", StringComparison.Ordinal))
                Message(report, "signature").Should().Contain("notDefinedByAnyContext", "safe mode names the dropped term");
        }
    }

    public static TheoryData<string> MalformedProofs => new()
    {
        "42", "\"x\"", "[]", "[42]", "{}", "{\"type\":\"DataIntegrityProof\"}",
        "{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"verificationMethod\":\"did:web:vc.test.example:issuers:demo#key-1\",\"proofPurpose\":\"assertionMethod\",\"proofValue\":\"not-multibase\"}",
        "{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"verificationMethod\":\"did:web:vc.test.example:issuers:demo#key-1\",\"proofPurpose\":\"assertionMethod\",\"proofValue\":\"z1\"}",
        "{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"verificationMethod\":\"did:web:vc.test.example:issuers:demo#key-99\",\"proofPurpose\":\"assertionMethod\",\"proofValue\":\"z3FXQ\"}",
        "{\"type\":\"DataIntegrityProof\",\"cryptosuite\":17,\"verificationMethod\":[],\"proofPurpose\":{},\"proofValue\":null,\"created\":\"yesterday\"}",
    };

    [Theory]
    [MemberData(nameof(MalformedProofs))]
    public async Task Malformed_proofs_give_200_not_verified_never_5xx(string proofJson)
    {
        var client = Client();
        var credential = (await IssueAsync(client, "elm", "di-eddsa-rdfc-2022"))["credential"]!.AsObject();
        credential["proof"] = JsonNode.Parse(proofJson);
        var report = await VerifyAsync(client, credential);
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        CheckStatus(report, "signature").Should().Be("failed", report.ToJsonString());
    }

    [Theory]
    [InlineData("{\"credential\": {}}")]
    [InlineData("{\"credential\": {\"hello\": \"world\"}}")]
    public async Task A_json_object_that_is_no_credential_at_all_is_400(string body)
    {
        var response = await fixture.Factory.CreateClient().PostAsync("/v1/verify", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    internal static string Pad(string b64url)
    {
        var s = b64url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}
