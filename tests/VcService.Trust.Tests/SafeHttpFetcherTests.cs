using Microsoft.AspNetCore.Http;
using System.Net;
using System.Text;
using FluentAssertions;
using VcService.Credentials.Net;

namespace VcService.Trust.Tests;

/// <summary>The SSRF rules and limits of the outbound fetcher (issue #6 item 5), against a local server and an injected DNS.</summary>
public sealed class SafeHttpFetcherTests : IAsyncLifetime
{
    private static readonly string[] Json = ["application/json"];
    private LocalServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Plain http and private addresses allowed for "localhost" only, as an operator would in development.</summary>
    private static SafeHttpFetcher LocalFetcher(long maxBytes = 1_000_000, double timeoutSeconds = 10, IDnsResolver? dns = null) =>
        new(new SafeHttpOptions
        {
            AllowHttpHosts = ["localhost"],
            AllowPrivateHosts = ["localhost"],
            MaxResponseBytes = maxBytes,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        }, dns ?? FakeDns.Localhost());

    private static SafeHttpFetcher StrictFetcher(IDnsResolver? dns = null) => new(new SafeHttpOptions(), dns ?? new FakeDns([]));

    [Theory]
    [InlineData("https://127.0.0.1/did.json")]
    [InlineData("https://127.1.2.3/did.json")]
    [InlineData("https://10.0.0.5/did.json")]
    [InlineData("https://172.20.1.1/did.json")]
    [InlineData("https://192.168.1.1/did.json")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://100.64.0.1/")]
    [InlineData("https://0.0.0.0/")]
    [InlineData("https://[::1]/did.json")]
    [InlineData("https://[::ffff:127.0.0.1]/did.json")]
    [InlineData("https://[::ffff:169.254.169.254]/")]
    [InlineData("https://[fd00::1]/")]
    [InlineData("https://[fe80::1]/")]
    [InlineData("https://[64:ff9b::a00:1]/")]
    [InlineData("https://224.0.0.1/")]
    public async Task Literal_non_public_addresses_are_refused(string url)
    {
        using var fetcher = StrictFetcher();
        var result = await fetcher.GetAsync(new Uri(url), Json, CancellationToken.None);
        result.Success.Should().BeFalse();
        result.Error.Should().Be(SafeHttpError.AddressNotAllowed, result.Message);
        result.Message.Should().Contain("SSRF");
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused()
    {
        using var fetcher = StrictFetcher(new FakeDns(new() { ["evil.example"] = [IPAddress.Loopback] }));
        var result = await fetcher.GetAsync(new Uri("https://evil.example/.well-known/did.json"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.AddressNotAllowed);
        result.Message.Should().Contain("evil.example").And.Contain("resolves to 127.0.0.1").And.Contain("loopback");
    }

    [Fact]
    public async Task A_name_with_one_private_answer_among_public_ones_is_refused()
    {
        // Checking only the first answer would let the resolver's order decide what is reached.
        using var fetcher = StrictFetcher(new FakeDns(new() { ["mixed.example"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.7")] }));
        var result = await fetcher.GetAsync(new Uri("https://mixed.example/"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.AddressNotAllowed);
        result.Message.Should().Contain("10.0.0.7");
    }

    [Fact]
    public async Task The_connection_goes_to_the_checked_address_not_a_second_dns_answer()
    {
        // DNS rebinding: the first answer is public, later ones point at the local server. The
        // fetcher resolves once per connection and connects to what it checked, so the local
        // server is never reached (the public address is unreachable here: a connection error).
        _server.Handler = LocalServer.Respond("{\"secret\":true}", "application/json");
        var dns = new RebindingDns(IPAddress.Parse("93.184.216.34"), IPAddress.Loopback);
        using var fetcher = new SafeHttpFetcher(new SafeHttpOptions { AllowHttpHosts = ["rebind.example"], Timeout = TimeSpan.FromSeconds(3) }, dns);
        var result = await fetcher.GetAsync(new Uri($"http://rebind.example:{_server.Port}/"), Json, CancellationToken.None);
        result.Success.Should().BeFalse();
        dns.Calls.Should().Be(1);
        _server.Requests.Should().Be(0);
    }

    private sealed class RebindingDns(IPAddress first, IPAddress then) : IDnsResolver
    {
        public int Calls;

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            Task.FromResult(Interlocked.Increment(ref Calls) == 1 ? new[] { first } : [then]);
    }

    [Fact]
    public async Task Localhost_through_the_system_resolver_is_refused()
    {
        using var fetcher = new SafeHttpFetcher(new SafeHttpOptions { AllowHttpHosts = ["localhost"] });
        var result = await fetcher.GetAsync(new Uri($"http://localhost:{_server.Port}/"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.AddressNotAllowed, result.Message);
        _server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task An_unresolvable_name_is_a_typed_error()
    {
        using var fetcher = StrictFetcher();
        var result = await fetcher.GetAsync(new Uri("https://nowhere.example/"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.HostNotResolved);
    }

    [Theory]
    [InlineData("http://issuer.example/did.json", SafeHttpError.SchemeNotAllowed)]
    [InlineData("ftp://issuer.example/did.json", SafeHttpError.InvalidUrl)]
    [InlineData("file:///etc/passwd", SafeHttpError.InvalidUrl)]
    [InlineData("https://user:secret@issuer.example/", SafeHttpError.InvalidUrl)]
    public async Task Urls_outside_the_rules_are_refused_before_any_connection(string url, SafeHttpError expected)
    {
        using var fetcher = StrictFetcher();
        var result = await fetcher.GetAsync(new Uri(url), Json, CancellationToken.None);
        result.Error.Should().Be(expected, result.Message);
    }

    [Fact]
    public async Task Allowed_local_host_is_fetched()
    {
        _server.Handler = LocalServer.Respond("{\"ok\":true}", "application/json; charset=utf-8", cacheControl: "max-age=60");
        using var fetcher = LocalFetcher();
        var result = await fetcher.GetAsync(new Uri(_server.BaseUrl, "/x"), Json, CancellationToken.None);
        result.Success.Should().BeTrue(result.Message);
        Encoding.UTF8.GetString(result.Body!).Should().Be("{\"ok\":true}");
        result.MediaType.Should().Be("application/json");
        result.CacheControl.Should().Be("max-age=60");
    }

    [Fact]
    public async Task The_private_allowance_is_per_host()
    {
        // "localhost" is allowed; another name for the same address is not.
        _server.Handler = LocalServer.Respond("{}", "application/json");
        var dns = new FakeDns(new() { ["localhost"] = [IPAddress.Loopback], ["other.test"] = [IPAddress.Loopback] });
        using var fetcher = new SafeHttpFetcher(new SafeHttpOptions { AllowHttpHosts = ["localhost", "other.test"], AllowPrivateHosts = ["localhost"] }, dns);
        (await fetcher.GetAsync(new Uri($"http://other.test:{_server.Port}/"), Json, CancellationToken.None)).Error.Should().Be(SafeHttpError.AddressNotAllowed);
        (await fetcher.GetAsync(new Uri($"http://localhost:{_server.Port}/"), Json, CancellationToken.None)).Success.Should().BeTrue();
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_not_followed()
    {
        _server.Handler = context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/";
            return Task.CompletedTask;
        };
        using var fetcher = LocalFetcher();
        var result = await fetcher.GetAsync(new Uri(_server.BaseUrl, "/did.json"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.RedirectNotAllowed, result.Message);
        result.Message.Should().Contain("169.254.169.254");
        _server.Requests.Should().Be(1);
    }

    [Fact]
    public async Task A_same_origin_redirect_is_followed_a_limited_number_of_times()
    {
        _server.Handler = context =>
        {
            if (context.Request.Path == "/final")
                return LocalServer.Respond("{}", "application/json")(context);
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = context.Request.Path == "/loop" ? "/loop" : "/final";
            return Task.CompletedTask;
        };
        using var fetcher = LocalFetcher();
        var ok = await fetcher.GetAsync(new Uri(_server.BaseUrl, "/start"), Json, CancellationToken.None);
        ok.Success.Should().BeTrue(ok.Message);
        ok.Url!.AbsolutePath.Should().Be("/final");

        var loop = await fetcher.GetAsync(new Uri(_server.BaseUrl, "/loop"), Json, CancellationToken.None);
        loop.Error.Should().Be(SafeHttpError.RedirectNotAllowed);
    }

    [Fact]
    public async Task An_oversized_response_with_content_length_is_refused()
    {
        _server.Handler = LocalServer.Respond(new string('a', 5_000), "application/json");
        using var fetcher = LocalFetcher(maxBytes: 1_000);
        var result = await fetcher.GetAsync(new Uri(_server.BaseUrl, "/big"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.TooLarge);
    }

    [Fact]
    public async Task An_oversized_chunked_response_is_cut_off()
    {
        _server.Handler = async context =>
        {
            context.Response.ContentType = "application/json";
            for (var i = 0; i < 100; i++)
            {
                await context.Response.WriteAsync(new string('b', 1_000));
                await context.Response.Body.FlushAsync();
            }
        };
        using var fetcher = LocalFetcher(maxBytes: 10_000);
        var result = await fetcher.GetAsync(new Uri(_server.BaseUrl, "/stream"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.TooLarge);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_times_out()
    {
        using var release = new CancellationTokenSource();
        _server.Handler = async context =>
        {
            try { await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted); } catch (OperationCanceledException) { }
        };
        using var fetcher = LocalFetcher(timeoutSeconds: 0.5);
        var result = await fetcher.GetAsync(new Uri(_server.BaseUrl, "/slow"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.Timeout, result.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_reported_as_a_timeout()
    {
        _server.Handler = async context =>
        {
            try { await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted); } catch (OperationCanceledException) { }
        };
        using var fetcher = LocalFetcher();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var act = () => fetcher.GetAsync(new Uri(_server.BaseUrl, "/slow"), Json, cancel.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task An_unexpected_media_type_is_refused()
    {
        _server.Handler = LocalServer.Respond("<html></html>", "text/html");
        using var fetcher = LocalFetcher();
        var result = await fetcher.GetAsync(new Uri(_server.BaseUrl, "/page"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.UnexpectedContentType);
        result.Message.Should().Contain("text/html");
    }

    [Fact]
    public async Task A_non_200_status_is_a_typed_error()
    {
        _server.Handler = LocalServer.Respond("{}", "application/json", status: 404);
        using var fetcher = LocalFetcher();
        var result = await fetcher.GetAsync(new Uri(_server.BaseUrl, "/missing"), Json, CancellationToken.None);
        result.Error.Should().Be(SafeHttpError.HttpStatus);
        result.Message.Should().Contain("404");
    }
}
