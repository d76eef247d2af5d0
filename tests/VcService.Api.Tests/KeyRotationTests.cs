using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.Dids;
using VcService.Credentials.Verification.Checks;
using VcService.Crypto;
using static VcService.Api.Tests.AdminClient;

namespace VcService.Api.Tests;

/// <summary>Key rotation and retirement: old credentials keep verifying, new ones use the new key, a compromise cuts off what came after.</summary>
public sealed class KeyRotationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(T0);
    private readonly ServiceFactory _factory;

    public KeyRotationTests() => _factory = new ServiceFactory(time: _clock, settings: Settings());

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin => _factory.CreateClient(AdminKey);
    private HttpClient Demo => _factory.CreateClient(ServiceFactory.DemoApiKey);

    private async Task<string> IssueJwtAsync() => (await IssueAsync(Demo, "demo"))["credential"]!.GetValue<string>();

    private static JsonObject Header(string jwt) =>
        JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(jwt.Split('.')[0]))!.AsObject();

    private async Task<JsonObject> VerifyAsync(string jwt) => await IssueAndVerifyTests.VerifyAsync(_factory.CreateClient(), JsonValue.Create(jwt)!);

    private static string? SignatureMessage(JsonObject report) =>
        report["checks"]!.AsArray().First(c => (string?)c!["check"] == "signature")!["message"]?.GetValue<string>();

    [Fact]
    public async Task Rotation_signs_new_credentials_with_the_new_key_and_old_ones_still_verify()
    {
        var before = await IssueJwtAsync();
        Header(before)["kid"]!.GetValue<string>().Should().EndWith("#key-1");

        var response = await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/rotate");
        var rotated = await ExpectAsync(response, HttpStatusCode.Created);
        rotated["id"]!.GetValue<string>().Should().Be("key-2");
        rotated["status"]!.GetValue<string>().Should().Be("active");

        var after = await IssueJwtAsync();
        Header(after)["kid"]!.GetValue<string>().Should().EndWith("#key-2");
        (await VerifyAsync(before))["verified"]!.GetValue<bool>().Should().BeTrue("the old key stays published");
        (await VerifyAsync(after))["verified"]!.GetValue<bool>().Should().BeTrue();

        var document = await _factory.CreateClient().GetFromJsonAsync<JsonObject>("/issuers/demo/did.json");
        document!["assertionMethod"]!.AsArray().Select(a => (string?)a).Should().Contain(
            ["did:web:vc.test.example:issuers:demo#key-1", "did:web:vc.test.example:issuers:demo#key-2"]);
        var keys = await ExpectAsync(await Admin.GetAsync("/v1/admin/issuers/demo/keys"), HttpStatusCode.OK);
        keys["keys"]!.AsArray().Select(k => $"{k!["id"]}:{k["status"]}").Should().Equal("key-1:published", "key-2:active");
    }

    [Fact]
    public async Task Rotation_can_change_the_key_type()
    {
        var rotated = await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/rotate", new JsonObject { ["keyType"] = "P-256" }), HttpStatusCode.Created);
        rotated["type"]!.GetValue<string>().Should().Be("P-256");
        var jwt = await IssueJwtAsync();
        Header(jwt)["alg"]!.GetValue<string>().Should().Be("ES256");
        (await VerifyAsync(jwt))["verified"]!.GetValue<bool>().Should().BeTrue();

        var bad = await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/rotate", new JsonObject { ["keyType"] = "RSA", ["x"] = 1 }), HttpStatusCode.BadRequest);
        Errors(bad).Should().BeEquivalentTo(["keyType", "x"]);
        await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/nobody/keys/rotate"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_compromised_key_fails_what_it_signed_after_the_compromise_and_keeps_what_came_before()
    {
        var early = await IssueJwtAsync();                 // T0
        _clock.Now = T0.AddHours(2);
        var late = await IssueJwtAsync();                  // T0 + 2h, after the compromise below
        _clock.Now = T0.AddHours(3);

        var retire = new JsonObject { ["compromisedAt"] = "2026-06-01T10:00:00Z", ["reason"] = "laptop stolen" };
        var retired = await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/key-1/retire", retire), HttpStatusCode.OK);
        retired["status"]!.GetValue<string>().Should().Be("retired");
        retired["compromisedAt"]!.GetValue<string>().Should().Be("2026-06-01T10:00:00Z");
        retired["reason"]!.GetValue<string>().Should().Be("laptop stolen");
        retired["replacement"]!["id"]!.GetValue<string>().Should().Be("key-2", "the only active key was retired, so a new one signs from now on");

        (await VerifyAsync(early))["verified"]!.GetValue<bool>().Should().BeTrue("it was signed before the compromise");
        var report = await VerifyAsync(late);
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        IssueAndVerifyTests.CheckStatus(report, "signature").Should().Be("failed");
        SignatureMessage(report).Should().Contain("retired").And.Contain("#key-1");

        var document = await _factory.CreateClient().GetFromJsonAsync<JsonObject>("/issuers/demo/did.json");
        var method = document!["verificationMethod"]!.AsArray().First(m => ((string?)m!["id"])!.EndsWith("#key-1"))!;
        method["revoked"]!.GetValue<string>().Should().Be("2026-06-01T10:00:00Z");

        var next = await IssueJwtAsync();
        Header(next)["kid"]!.GetValue<string>().Should().EndWith("#key-2");
        (await VerifyAsync(next))["verified"]!.GetValue<bool>().Should().BeTrue();

        var audit = await ExpectAsync(await Demo.GetAsync("/v1/issuers/demo/audit"), HttpStatusCode.OK);
        var entry = audit["entries"]!.AsArray().First(e => (string?)e!["action"] == "key-retire")!;
        entry["reason"]!.GetValue<string>().Should().Be("laptop stolen");
        entry["detail"]!["compromisedAt"]!.GetValue<string>().Should().Be("2026-06-01T10:00:00Z");
        entry["detail"]!["replacementKeyId"]!.GetValue<string>().Should().Be("key-2");
    }

    [Fact]
    public async Task Retiring_without_a_compromise_stops_signing_but_keeps_earlier_credentials_valid()
    {
        await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/rotate");
        var signedByKey2 = await IssueJwtAsync();
        _clock.Now = T0.AddHours(1);
        var retired = await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/key-2/retire"), HttpStatusCode.OK);
        retired["revoked"]!.GetValue<string>().Should().Be("2026-06-01T10:00:00Z", "without a compromise time the key is revoked from its retirement");
        retired["replacement"]!["id"]!.GetValue<string>().Should().Be("key-3");

        (await VerifyAsync(signedByKey2))["verified"]!.GetValue<bool>().Should().BeTrue();
        Header(await IssueJwtAsync())["kid"]!.GetValue<string>().Should().EndWith("#key-3");
    }

    [Fact]
    public async Task Retirement_requests_are_checked()
    {
        var future = new JsonObject { ["compromisedAt"] = "2026-06-02T09:00:00Z", ["reason"] = 5 };
        Errors(await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/key-1/retire", future), HttpStatusCode.BadRequest))
            .Should().BeEquivalentTo(["compromisedAt", "reason"]);
        Errors(await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/key-1/retire", new JsonObject { ["compromisedAt"] = "yesterday" }), HttpStatusCode.BadRequest))
            .Should().Equal("compromisedAt");
        await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/key-9/retire"), HttpStatusCode.NotFound);
        await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/key-1/retire"), HttpStatusCode.OK);
        await ExpectAsync(await SendAsync(Admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/key-1/retire"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Key_listings_carry_public_parts_only()
    {
        var text = await (await Admin.GetAsync("/v1/admin/issuers/demo/keys")).Content.ReadAsStringAsync();
        var key = JsonNode.Parse(text)!["keys"]![0]!.AsObject();
        key.Select(p => p.Key).Should().BeEquivalentTo(["id", "type", "verificationMethod", "publicKeyMultibase", "publicKeyJwk", "createdAt", "status"]);
        key["publicKeyJwk"]!.AsObject().ContainsKey("d").Should().BeFalse();
    }

    [Fact]
    public void A_revoked_method_survives_the_did_document_round_trip_and_bounds_signatures()
    {
        var publicKey = SigningKey.Generate(KeyType.Ed25519).PublicKey;
        var revoked = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
        var method = new VerificationMethod("did:web:x#k", VerificationMethodTypes.Multikey, "did:web:x", publicKey, revoked);
        var parsed = DidDocument.Parse(new DidDocument("did:web:x", [method], [method.Id]).ToJson(), "did:web:x");
        parsed.VerificationMethods.Single().Revoked.Should().Be(revoked);

        SignatureCheck.RevokedKeyError(parsed.VerificationMethods[0], revoked.AddSeconds(-1)).Should().BeNull();
        SignatureCheck.RevokedKeyError(parsed.VerificationMethods[0], revoked).Should().Contain("retired");
        SignatureCheck.RevokedKeyError(parsed.VerificationMethods[0], null).Should().Contain("does not say when");
        SignatureCheck.RevokedKeyError(parsed.VerificationMethods[0] with { Revoked = null }, revoked.AddYears(1)).Should().BeNull();
    }
}

public sealed class KeyRetirementStatusListTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(T0);
    private readonly ServiceFactory _factory;

    public KeyRetirementStatusListTests() => _factory = new ServiceFactory(time: _clock, settings: Settings());

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_status_list_signed_by_a_key_retired_later_is_signed_again_with_the_new_key()
    {
        var demo = _factory.CreateClient(ServiceFactory.DemoApiKey);
        var issued = await IssueAsync(demo, "demo");
        var other = await IssueAsync(demo, "demo");
        var jwt = JsonValue.Create(issued["credential"]!.GetValue<string>())!;
        _clock.Now = T0.AddHours(2);
        // A change to the list after the compromise (T0 + 1h): the list is signed again, still by key-1.
        await ExpectAsync(await SendAsync(demo, HttpMethod.Post, $"/v1/issuers/demo/credentials/{other["id"]}/status",
            new JsonObject { ["action"] = "revoke", ["reason"] = "test" }), HttpStatusCode.OK);
        var first = await IssueAndVerifyTests.VerifyAsync(_factory.CreateClient(), jwt);
        IssueAndVerifyTests.CheckStatus(first, "status").Should().Be("ok", first.ToJsonString());

        _clock.Now = T0.AddHours(3);
        var retire = new JsonObject { ["compromisedAt"] = "2026-06-01T10:00:00Z" };
        await ExpectAsync(await SendAsync(_factory.CreateClient(AdminKey), HttpMethod.Post, "/v1/admin/issuers/demo/keys/key-1/retire", retire), HttpStatusCode.OK);

        // A restarted service: nothing memoised, the list as served now is what counts.
        _factory.Dispose();
        using var restarted = new ServiceFactory(_factory.DataDirectory, _clock, Settings());
        var report = await IssueAndVerifyTests.VerifyAsync(restarted.CreateClient(), jwt);
        IssueAndVerifyTests.CheckStatus(report, "status").Should().Be("ok", "the list is re-signed with key-2: " + report.ToJsonString());
        report["verified"]!.GetValue<bool>().Should().BeTrue("the credential itself was signed before the compromise");
    }
}
