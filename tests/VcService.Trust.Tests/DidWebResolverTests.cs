using System.Net;
using FluentAssertions;
using VcService.Credentials.Dids;
using VcService.Credentials.Net;
using VcService.Credentials.Status;
using VcService.Crypto;

namespace VcService.Trust.Tests;

public sealed class DidWebResolverTests : IAsyncLifetime
{
    private LocalServer _server = null!;
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _server = await LocalServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string LocalDid(string path = "") => $"did:web:localhost%3A{_server.Port}{path}";

    private DidWebResolver Resolver(SafeHttpOptions? options = null, IDnsResolver? dns = null) => new(
        new SafeHttpFetcher(options ?? new SafeHttpOptions { AllowHttpHosts = ["localhost"], AllowPrivateHosts = ["localhost"], MaxResponseBytes = 64 * 1024 }, dns ?? FakeDns.Localhost()),
        _clock, new DidWebOptions { CacheTtl = TimeSpan.FromMinutes(5) });

    internal static string Document(string did, SigningKey key) =>
        new DidDocument(did, [new VerificationMethod(did + "#key-1", VerificationMethodTypes.Multikey, did, key.PublicKey)], [did + "#key-1"]).ToJson().ToJsonString();

    // did:web Method Specification §3.2 examples.
    [Theory]
    [InlineData("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json")]
    [InlineData("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json")]
    [InlineData("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json")]
    [InlineData("did:web:Example.COM", "https://example.com/.well-known/did.json")]
    public void Did_maps_to_the_https_url_of_the_spec(string did, string url)
    {
        var (mapped, error) = DidWebResolver.ToUrl(did);
        error.Should().BeNull();
        mapped!.AbsoluteUri.Should().Be(url);
    }

    [Theory]
    [InlineData("did:web:example.com:..:admin")]
    [InlineData("did:web:example.com::x")]
    [InlineData("did:web:example.com%3A99999")]
    [InlineData("did:web:example.com%3Ahttp")]
    [InlineData("did:web:exa%2Fmple.com")]
    [InlineData("did:web:example.com:a%2Fb")]
    public void Malformed_did_web_is_refused(string did) =>
        DidWebResolver.ToUrl(did).Url.Should().BeNull();

    [Fact]
    public void Plain_http_only_for_allowed_hosts() =>
        DidWebResolver.ToUrl("did:web:localhost%3A8080", new SafeHttpOptions { AllowHttpHosts = ["localhost"] }).Url!.AbsoluteUri
            .Should().Be("http://localhost:8080/.well-known/did.json");

    [Fact]
    public async Task Resolves_a_did_document_and_caches_it()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var did = LocalDid(":issuers:uni");
        _server.Handler = context => context.Request.Path == "/issuers/uni/did.json"
            ? LocalServer.Respond(Document(did, key), "application/did+json")(context)
            : LocalServer.Respond("{}", "application/json", 404)(context);
        var resolver = Resolver();

        var result = await resolver.ResolveAsync(did, CancellationToken.None);
        result.Error.Should().BeNull();
        result.Document!.FindMethod("#key-1")!.PublicKey.ToMultikey().Should().Be(key.PublicKey.ToMultikey());
        (await resolver.ResolveAsync(did, CancellationToken.None)).Document.Should().NotBeNull();
        _server.Requests.Should().Be(1, "the second resolution is served from the cache");

        _clock.Now += TimeSpan.FromMinutes(6);
        (await resolver.ResolveAsync(did, CancellationToken.None)).Document.Should().NotBeNull();
        _server.Requests.Should().Be(2, "the cache entry expired");
    }

    [Fact]
    public async Task A_document_whose_id_is_another_did_is_refused()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        _server.Handler = LocalServer.Respond(Document("did:web:trusted-university.example", key), "application/did+json");
        var result = await Resolver().ResolveAsync(LocalDid(), CancellationToken.None);
        result.Document.Should().BeNull();
        result.Error.Should().Contain("does not match").And.Contain("did:web:trusted-university.example");
    }

    [Fact]
    public async Task An_oversized_document_is_refused()
    {
        _server.Handler = LocalServer.Respond("{\"id\":\"" + new string('x', 100_000) + "\"}", "application/did+json");
        var result = await Resolver().ResolveAsync(LocalDid(), CancellationToken.None);
        result.Error.Should().Contain("larger than the limit");
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        _server.Handler = LocalServer.Respond("{}", "application/json", 500);
        var resolver = Resolver();
        (await resolver.ResolveAsync(LocalDid(), CancellationToken.None)).Document.Should().BeNull();
        _server.Handler = LocalServer.Respond(Document(LocalDid(), key), "application/did+json");
        (await resolver.ResolveAsync(LocalDid(), CancellationToken.None)).Document.Should().NotBeNull();
    }

    [Theory]
    [InlineData("did:web:127.0.0.1")]
    [InlineData("did:web:10.1.2.3")]
    [InlineData("did:web:169.254.169.254")]
    [InlineData("did:web:internal.example")]
    public async Task Did_web_to_a_non_public_address_is_refused(string did)
    {
        var dns = new FakeDns(new() { ["internal.example"] = [IPAddress.IPv6Loopback] });
        var result = await Resolver(new SafeHttpOptions(), dns).ResolveAsync(did, CancellationToken.None);
        result.Document.Should().BeNull();
        result.Error.Should().Contain("SSRF");
    }

    [Fact]
    public async Task Did_web_to_localhost_without_allowance_is_refused()
    {
        // https is tried (http is not allowed), and the loopback address is refused before connecting.
        var result = await Resolver(new SafeHttpOptions(), FakeDns.Localhost()).ResolveAsync(LocalDid(), CancellationToken.None);
        result.Error.Should().Contain("https://localhost").And.Contain("loopback");
        _server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task Remote_status_lists_use_the_same_rules()
    {
        _server.Handler = LocalServer.Respond("eyJhbGciOiJFZERTQSJ9.e30.sig", "application/vc+jwt", cacheControl: "public, max-age=120");
        var allowed = new HttpStatusListFetcher(new SafeHttpFetcher(new SafeHttpOptions { AllowHttpHosts = ["localhost"], AllowPrivateHosts = ["localhost"] }, FakeDns.Localhost()));
        var fetched = await allowed.FetchAsync(new Uri(_server.BaseUrl, "/status/1"), CancellationToken.None);
        fetched.Success.Should().BeTrue(fetched.Error);
        fetched.MaxAge.Should().Be(TimeSpan.FromSeconds(120));
        fetched.MediaType.Should().Be("application/vc+jwt");

        var strict = new HttpStatusListFetcher(new SafeHttpFetcher(new SafeHttpOptions(), FakeDns.Localhost()));
        strict.CanFetch(new Uri(_server.BaseUrl, "/status/1")).Should().BeFalse("plain http is not allowed");
        var refused = await strict.FetchAsync(new Uri("https://169.254.169.254/status/1"), CancellationToken.None);
        refused.Success.Should().BeFalse();
        refused.Error.Should().Contain("SSRF");
    }
}
