using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.LinkedData.JsonLd.Loading;

namespace VcService.Api.Tests;

public sealed class ContextApiTests : IDisposable
{
    private readonly ServiceFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_annex_i_extension_context_is_served_as_bundled_with_caching_headers()
    {
        var client = _factory.CreateClient();
        var response = await client.GetAsync("/contexts/annex-i/v1");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/ld+json");
        response.Headers.CacheControl!.MaxAge.Should().BeGreaterThanOrEqualTo(TimeSpan.FromDays(30));
        response.Headers.CacheControl.Public.Should().BeTrue();
        response.Headers.ETag.Should().NotBeNull();
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");

        var body = await response.Content.ReadAsStringAsync();
        BundledDocumentLoader.Default.TryGetJson("https://w3id.org/vcservice/annex-i/v1", out var bundled).Should().BeTrue();
        body.Should().Be(bundled, "the service serves exactly the context verifiers bundle");
        JsonNode.Parse(body)!["@context"]!["AnnexIAchievement"]!["@id"]!.GetValue<string>().Should().Be("https://w3id.org/vcservice/annex-i#AnnexIAchievement");

        // No API key needed; a conditional request with the ETag is answered 304 without a body.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/contexts/annex-i/v1");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var notModified = await client.SendAsync(conditional);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/contexts/annex-i/v1");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        (await client.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_context_versions_are_404_problems()
    {
        var response = await _factory.CreateClient().GetAsync("/contexts/annex-i/v2");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
