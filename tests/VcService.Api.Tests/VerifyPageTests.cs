using System.Net;
using FluentAssertions;

namespace VcService.Api.Tests;

/// <summary>The verification web page is served with its assets and a strict Content-Security-Policy (browser tests: tests/browser).</summary>
public sealed class VerifyPageTests : IDisposable
{
    private readonly ServiceFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/verify", "text/html", "<form id=\"verify-form\">")]
    [InlineData("/verify/verify.js", "text/javascript", "fetch('/v1/verify'")]
    [InlineData("/verify/verify.css", "text/css", "#verdict")]
    public async Task Page_and_assets_are_served_with_security_headers(string path, string mediaType, string marker)
    {
        var response = await _factory.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        (await response.Content.ReadAsStringAsync()).Should().Contain(marker);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'").And.Contain("script-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
    }

    [Fact]
    public async Task A_matching_etag_answers_304()
    {
        var client = _factory.CreateClient();
        var first = await client.GetAsync("/verify");
        var request = new HttpRequestMessage(HttpMethod.Get, "/verify");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task The_page_script_renders_credential_content_as_text_only()
    {
        var script = await _factory.CreateClient().GetStringAsync("/verify/verify.js");
        script.Should().NotContain("innerHTML").And.NotContain("insertAdjacentHTML").And.NotContain("eval(");
    }
}
