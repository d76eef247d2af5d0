using System.Net;
using System.Text;
using FluentAssertions;

namespace VcService.Api.Tests;

/// <summary>The public verifier endpoints are rate limited per client address: 429 with Retry-After and a problem body.</summary>
public sealed class RateLimitTests
{
    private static Dictionary<string, string?> Limits(int verify, int reads, bool enabled = true) => new()
    {
        ["VcService:RateLimit:Enabled"] = enabled ? "true" : "false",
        ["VcService:RateLimit:Verify:PermitLimit"] = verify.ToString(),
        ["VcService:RateLimit:Verify:Window"] = "01:00:00",
        ["VcService:RateLimit:PublicRead:PermitLimit"] = reads.ToString(),
        ["VcService:RateLimit:PublicRead:Window"] = "01:00:00",
    };

    private static Task<HttpResponseMessage> VerifyAsync(HttpClient client) =>
        client.PostAsync("/v1/verify", new StringContent("{\"credential\": \"not.a.jwt\"}", Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Verify_beyond_the_limit_is_429_with_retry_after()
    {
        using var factory = new ServiceFactory(settings: Limits(verify: 2, reads: 100));
        var client = factory.CreateClient();
        (await VerifyAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await VerifyAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = await VerifyAsync(client);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        retryAfter.Should().BeInRange(1, 3600);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("\"status\":429");

        (await client.GetAsync("/issuers/demo/did.json")).StatusCode.Should().Be(HttpStatusCode.OK, "reads have their own budget");
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "health is not limited");
    }

    [Fact]
    public async Task Did_documents_and_status_lists_share_the_public_read_limit()
    {
        using var factory = new ServiceFactory(settings: Limits(verify: 100, reads: 2));
        var client = factory.CreateClient();
        (await client.GetAsync("/issuers/demo/did.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/status/demo/nolist")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/issuers/demo/did.json")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await VerifyAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Issuer_endpoints_are_not_limited_by_the_public_budget()
    {
        using var factory = new ServiceFactory(settings: Limits(verify: 1, reads: 1));
        var client = factory.CreateClient(ServiceFactory.DemoApiKey);
        for (var i = 0; i < 3; i++)
            (await client.GetAsync($"/v1/issuers/demo/credentials/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Limits_can_be_switched_off()
    {
        using var factory = new ServiceFactory(settings: Limits(verify: 1, reads: 1, enabled: false));
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
            (await VerifyAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void A_zero_limit_stops_the_service_from_starting()
    {
        using var factory = new ServiceFactory(settings: Limits(verify: 0, reads: 1));
        var act = () => factory.CreateClient();
        act.Should().Throw<Exception>().Where(e => e.ToString().Contains("RateLimit"));
    }
}
