using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.Api.Tests;

/// <summary>Calls of the service's public API that several test projects make (linked into them like <see cref="TestData"/>).</summary>
public static class ServiceCalls
{
    /// <summary><c>POST /v1/verify</c> with <paramref name="credential"/>; the report (the call itself must answer 200).</summary>
    public static async Task<JsonObject> VerifyAsync(HttpClient client, JsonNode credential)
    {
        var response = await client.PostAsJsonAsync("/v1/verify", new JsonObject { ["credential"] = credential.DeepClone() });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }
}
