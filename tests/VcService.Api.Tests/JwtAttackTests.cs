using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using VcService.Api.Tenants;
using VcService.Credentials.Jose;
using VcService.Crypto;
using static VcService.Api.Tests.IssueAndVerifyTests;

namespace VcService.Api.Tests;

/// <summary>Credentials that must not verify, each failing the check that names the problem.</summary>
public sealed class JwtAttackTests : IDisposable
{
    private const string Kid = "did:web:vc.test.example:issuers:demo#key-1";
    private readonly ServiceFactory _factory = new();
    private readonly HttpClient _client;

    public JwtAttackTests() => _client = _factory.CreateClient(ServiceFactory.DemoApiKey);

    public void Dispose() => _factory.Dispose();

    private async Task<string> IssueJwtAsync() =>
        (await IssueAsync(_client, TestData.FirstSample()))["credential"]!.GetValue<string>();

    private static string B64(string s) => B64(Encoding.UTF8.GetBytes(s));
    private static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    private static byte[] Unb64(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    private static JsonObject Payload(string jwt) => JsonNode.Parse(Unb64(jwt.Split('.')[1]))!.AsObject();

    private async Task ExpectFailedAsync(string jwt, string check, string messagePart)
    {
        var report = await VerifyAsync(_client, JsonValue.Create(jwt));
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        CheckStatus(report, check).Should().Be("failed", report.ToJsonString());
        report["checks"]!.AsArray().First(c => (string?)c!["check"] == check)!["message"]!.GetValue<string>()
            .Should().ContainEquivalentOf(messagePart);
    }

    [Fact]
    public async Task Tampered_payload_fails_the_signature_check()
    {
        var parts = (await IssueJwtAsync()).Split('.');
        var payload = Payload(string.Join('.', parts));
        payload["vc"]!["credentialSubject"]!["givenName"] = "Mallory";
        await ExpectFailedAsync($"{parts[0]}.{B64(payload.ToJsonString())}.{parts[2]}", "signature", "signature");
    }

    [Fact]
    public async Task Signed_by_another_key_under_the_issuers_kid_fails()
    {
        var credential = Payload(await IssueJwtAsync())["vc"]!.AsObject();
        using var intruder = SigningKey.Generate(KeyType.Ed25519);
        await ExpectFailedAsync(JwtVc.Sign(credential, intruder, Kid), "signature", "signature");
    }

    [Fact]
    public async Task Alg_none_is_refused()
    {
        var parts = (await IssueJwtAsync()).Split('.');
        var header = B64($$"""{"alg":"none","typ":"JWT","kid":"{{Kid}}"}""");
        await ExpectFailedAsync($"{header}.{parts[1]}.", "signature", "none");
    }

    [Fact]
    public async Task Hs256_keyed_with_the_public_key_is_refused()
    {
        var parts = (await IssueJwtAsync()).Split('.');
        var document = await _factory.CreateClient().GetStringAsync("/issuers/demo/did.json");
        var publicKey = PublicKey.FromMultikey(JsonNode.Parse(document)!["verificationMethod"]![0]!["publicKeyMultibase"]!.GetValue<string>());
        var header = B64($$"""{"alg":"HS256","typ":"JWT","kid":"{{Kid}}"}""");
        foreach (var secret in new[] { publicKey.Bytes.ToArray(), Encoding.UTF8.GetBytes(publicKey.ToMultikey()) })
        {
            var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{header}.{parts[1]}"));
            await ExpectFailedAsync($"{header}.{parts[1]}.{B64(mac)}", "signature", "HS256");
        }
    }

    [Fact]
    public async Task Kid_of_another_did_fails()
    {
        var credential = Payload(await IssueJwtAsync())["vc"]!.AsObject();
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var didKey = "did:key:" + key.PublicKey.ToMultikey();
        await ExpectFailedAsync(JwtVc.Sign(credential, key, didKey + "#" + key.PublicKey.ToMultikey()), "signature", "does not belong to the issuer");
    }

    private async Task<string> SignWithDemoKeyAsync(Action<JsonObject> change)
    {
        var credential = Payload(await IssueJwtAsync())["vc"]!.AsObject();
        change(credential);
        var opened = await _factory.Services.GetRequiredService<TenantKeyService>().OpenActiveKeyAsync("demo", CancellationToken.None);
        using var key = opened!.Value.Key;
        return JwtVc.Sign(credential, key, opened.Value.MethodId);
    }

    [Fact]
    public async Task Expired_credential_fails_validity_but_not_the_signature()
    {
        var jwt = await SignWithDemoKeyAsync(c =>
        {
            c["issuanceDate"] = "2020-01-01T00:00:00Z";
            c["expirationDate"] = "2021-01-01T00:00:00Z";
        });
        var report = await VerifyAsync(_client, JsonValue.Create(jwt));
        CheckStatus(report, "signature").Should().Be("ok", report.ToJsonString());
        await ExpectFailedAsync(jwt, "validity", "expired");
    }

    [Fact]
    public async Task Not_yet_valid_credential_fails_validity()
    {
        var jwt = await SignWithDemoKeyAsync(c => c["issuanceDate"] = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssZ"));
        await ExpectFailedAsync(jwt, "validity", "not valid yet");
    }

    [Fact]
    public async Task Credential_missing_an_annex_i_element_fails_the_annex_i_check()
    {
        var jwt = await SignWithDemoKeyAsync(c => c["credentialSubject"]!["hasClaim"]!["specifiedBy"]!.AsObject().Remove("learningOutcome"));
        var report = await VerifyAsync(_client, JsonValue.Create(jwt));
        CheckStatus(report, "signature").Should().Be("ok", report.ToJsonString());
        CheckStatus(report, "annexI").Should().Be("failed", report.ToJsonString());
        report["checks"]!.AsArray().First(c => (string?)c!["check"] == "annexI")!["message"]!.GetValue<string>().Should().Contain("learningOutcomes");
        report["verified"]!.GetValue<bool>().Should().BeFalse();
    }

    [Theory]
    [InlineData("not a jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.e30.AAAA")]
    public async Task Garbage_strings_fail_the_format_check_and_skip_the_rest(string input)
    {
        var report = await VerifyAsync(_client, JsonValue.Create(input));
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        CheckStatus(report, "format").Should().Be("failed");
        CheckStatus(report, "signature").Should().Be("skipped");
    }

    [Fact]
    public async Task Json_credential_without_a_supported_proof_is_not_verified()
    {
        var credential = Payload(await IssueJwtAsync())["vc"]!.AsObject();
        var report = await VerifyAsync(_client, credential);
        report["verified"]!.GetValue<bool>().Should().BeFalse();
        CheckStatus(report, "signature").Should().Be("failed");
    }
}
