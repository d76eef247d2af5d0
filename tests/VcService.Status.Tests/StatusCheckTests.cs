using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.Dids;
using VcService.Credentials.Jose;
using VcService.Credentials.Status;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.Crypto;

namespace VcService.Status.Tests;

/// <summary>The status check against lists served by a fake fetcher, signed with did:key issuers.</summary>
public sealed class StatusCheckTests : IDisposable
{
    private const string ListUrl = "https://status.example/lists/1";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private readonly SigningKey _issuerKey = SigningKey.Generate(KeyType.Ed25519);
    private readonly SigningKey _otherKey = SigningKey.Generate(KeyType.Ed25519);
    private readonly FakeFetcher _fetcher = new();

    public void Dispose()
    {
        _issuerKey.Dispose();
        _otherKey.Dispose();
    }

    private static string Did(SigningKey key) => "did:key:" + key.PublicKey.ToMultikey();
    private static string Kid(SigningKey key) => Did(key) + "#" + key.PublicKey.ToMultikey();

    private StatusCheck Check(StatusCheckOptions? options = null) =>
        new(new StatusListResolver([_fetcher]), new CompositeDidResolver([new DidKeyResolver()]), options);

    private static JsonObject Credential(SigningKey issuer, params JsonObject[] entries)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", StatusList2021Entry.Context),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = Did(issuer),
            ["issuanceDate"] = "2026-11-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner" },
        };
        if (entries.Length == 1)
            credential["credentialStatus"] = entries[0];
        else if (entries.Length > 1)
            credential["credentialStatus"] = new JsonArray(entries);
        return credential;
    }

    private static string SignedList(SigningKey signer, string purpose, params int[] setBits) =>
        SignedList(signer, purpose, Now.AddDays(1), ListUrl, setBits);

    private static string SignedList(SigningKey signer, string purpose, DateTimeOffset validUntil, string id, params int[] setBits)
    {
        var list = new BitstringStatusList();
        foreach (var bit in setBits)
            list.Set(bit, true);
        var credential = StatusList2021Credential.Render(new StatusListCredentialInput(id, Did(signer), purpose, list, Now.AddHours(-1), validUntil, null));
        return JwtVc.Sign(credential, signer, Kid(signer));
    }

    private async Task<CheckResult> RunAsync(JsonObject credential, StatusCheck? check = null)
    {
        var context = new VerificationContext(credential, Now) { Credential = credential, IssuerDid = Did(_issuerKey) };
        return await (check ?? Check()).RunAsync(context, CancellationToken.None);
    }

    [Fact]
    public async Task No_entry_is_skipped()
    {
        var result = await RunAsync(Credential(_issuerKey));
        result.Status.Should().Be(CheckStatus.Skipped);
    }

    [Fact]
    public async Task Clear_bit_is_ok()
    {
        _fetcher.Lists[ListUrl] = SignedList(_issuerKey, StatusPurpose.Revocation, 7);
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 42, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Ok, result.Message);
        result.Message.Should().Contain("not revoked");
    }

    [Fact]
    public async Task Set_revocation_bit_reports_revoked()
    {
        _fetcher.Lists[ListUrl] = SignedList(_issuerKey, StatusPurpose.Revocation, 42);
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 42, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("revoked").And.Contain("index 42");
    }

    [Fact]
    public async Task Set_suspension_bit_reports_suspended()
    {
        const string suspensionUrl = "https://status.example/lists/2";
        _fetcher.Lists[ListUrl] = SignedList(_issuerKey, StatusPurpose.Revocation);
        _fetcher.Lists[suspensionUrl] = SignedList(_issuerKey, StatusPurpose.Suspension, Now.AddDays(1), suspensionUrl, 3);
        var result = await RunAsync(Credential(_issuerKey,
            StatusList2021Entry.Render(ListUrl, 3, StatusPurpose.Revocation),
            StatusList2021Entry.Render(suspensionUrl, 3, StatusPurpose.Suspension)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("suspended").And.NotContain("revoked");
    }

    [Fact]
    public async Task Tampered_list_is_refused()
    {
        var jwt = SignedList(_issuerKey, StatusPurpose.Revocation, 42);
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1]))))!;
        payload["vc"]!["credentialSubject"]!["encodedList"] = new BitstringStatusList().Encode(EncodedListForm.Base64Url); // bit 42 cleared
        var tampered = parts[0] + "." + Base64UrlText(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
        _fetcher.Lists[ListUrl] = tampered;

        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 42, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("could not be checked").And.Contain("signature");
    }

    [Fact]
    public async Task List_signed_by_another_issuer_is_refused()
    {
        _fetcher.Lists[ListUrl] = SignedList(_otherKey, StatusPurpose.Revocation);
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 1, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("not by the credential's issuer");
    }

    [Fact]
    public async Task Purpose_mismatch_is_refused()
    {
        _fetcher.Lists[ListUrl] = SignedList(_issuerKey, StatusPurpose.Suspension);
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 1, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("statusPurpose 'suspension'");
    }

    [Fact]
    public async Task List_served_for_another_url_is_refused()
    {
        _fetcher.Lists[ListUrl] = SignedList(_issuerKey, StatusPurpose.Revocation, Now.AddDays(1), "https://status.example/lists/other");
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 1, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("another URL");
    }

    [Fact]
    public async Task Expired_list_fails_closed()
    {
        _fetcher.Lists[ListUrl] = SignedList(_issuerKey, StatusPurpose.Revocation, Now.AddMinutes(-1), ListUrl);
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 1, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("expired");
    }

    [Fact]
    public async Task Unreachable_list_fails_closed()
    {
        _fetcher.Failure = "connection refused";
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 1, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("could not be checked, so the credential is not accepted").And.Contain("STATUS_RETRIEVAL_ERROR").And.Contain("connection refused");
    }

    [Fact]
    public async Task Slow_list_fails_closed_after_the_timeout()
    {
        _fetcher.Delay = TimeSpan.FromSeconds(30);
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 1, StatusPurpose.Revocation)),
            Check(new StatusCheckOptions { FetchTimeout = TimeSpan.FromMilliseconds(200) }));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("did not arrive within");
    }

    [Fact]
    public async Task Remote_list_without_a_configured_fetcher_fails_closed()
    {
        var check = new StatusCheck(new StatusListResolver([]), new CompositeDidResolver([new DidKeyResolver()]));
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 1, StatusPurpose.Revocation)), check);
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("not enabled on this verifier");
    }

    [Fact]
    public async Task Oversized_list_is_refused()
    {
        _fetcher.Lists[ListUrl] = SignedList(_issuerKey, StatusPurpose.Revocation);
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 1, StatusPurpose.Revocation)),
            Check(new StatusCheckOptions { MaxListCredentialLength = 100 }));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("larger than the limit");
    }

    [Theory]
    [InlineData("-1", "not a base-10 integer")]
    [InlineData("abc", "not a base-10 integer")]
    [InlineData("99999999999", "not a base-10 integer")]
    [InlineData("3000000000", "out of range")]
    public async Task Malformed_index_fails(string index, string expected)
    {
        var entry = StatusList2021Entry.Render(ListUrl, 1, StatusPurpose.Revocation);
        entry["statusListIndex"] = index;
        var result = await RunAsync(Credential(_issuerKey, entry));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task Index_beyond_the_list_is_a_range_error()
    {
        _fetcher.Lists[ListUrl] = SignedList(_issuerKey, StatusPurpose.Revocation);
        var result = await RunAsync(Credential(_issuerKey, StatusList2021Entry.Render(ListUrl, 131_072, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().StartWith("RANGE_ERROR");
    }

    [Fact]
    public async Task Bitstring_entry_with_a_2021_list_is_refused()
    {
        _fetcher.Lists[ListUrl] = SignedList(_issuerKey, StatusPurpose.Revocation);
        var result = await RunAsync(Credential(_issuerKey, BitstringStatusListEntry.Render(ListUrl, 1, StatusPurpose.Revocation)));
        result.Status.Should().Be(CheckStatus.Failed);
        result.Message.Should().Contain("BitstringStatusListCredential");
    }

    [Fact]
    public async Task Caching_fetcher_honours_max_age()
    {
        var clock = new ManualClock(Now);
        _fetcher.Lists[ListUrl] = "list-v1";
        _fetcher.MaxAge = TimeSpan.FromSeconds(300);
        var cache = new CachingStatusListFetcher(_fetcher, clock);
        var url = new Uri(ListUrl);

        (await cache.FetchAsync(url, default)).Content.Should().Be("list-v1");
        _fetcher.Lists[ListUrl] = "list-v2";
        clock.Now = Now.AddSeconds(299);
        (await cache.FetchAsync(url, default)).Content.Should().Be("list-v1", "within max-age the cached copy is used");
        _fetcher.Calls.Should().Be(1);
        clock.Now = Now.AddSeconds(301);
        (await cache.FetchAsync(url, default)).Content.Should().Be("list-v2");
        _fetcher.Calls.Should().Be(2);

        _fetcher.MaxAge = null; // no max-age: not cached
        clock.Now = Now.AddSeconds(700);
        await cache.FetchAsync(url, default);
        await cache.FetchAsync(url, default);
        _fetcher.Calls.Should().Be(4);
    }

    [Theory]
    [InlineData("public, max-age=300", 300)]
    [InlineData("max-age=\"60\"", 60)]
    [InlineData("no-store, max-age=300", null)]
    [InlineData("no-cache", null)]
    [InlineData("public", null)]
    [InlineData(null, null)]
    public void Cache_control_max_age(string? header, int? seconds) =>
        CacheControl.MaxAge(header).Should().Be(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value));

    private static string Pad(string b64url)
    {
        var s = b64url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }

    private static string Base64UrlText(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class FakeFetcher : IStatusListFetcher
    {
        public Dictionary<string, string> Lists { get; } = [];
        public string? Failure { get; set; }
        public TimeSpan? Delay { get; set; }
        public TimeSpan? MaxAge { get; set; }
        public int Calls { get; private set; }

        public bool CanFetch(Uri url) => true;

        public async Task<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
        {
            Calls++;
            if (Delay is { } delay)
                await Task.Delay(delay, cancellationToken);
            if (Failure is not null)
                return StatusListFetchResult.Fail(Failure);
            return Lists.TryGetValue(url.AbsoluteUri, out var content)
                ? StatusListFetchResult.Ok(content, "application/jwt", MaxAge)
                : StatusListFetchResult.Fail("404 Not Found");
        }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
