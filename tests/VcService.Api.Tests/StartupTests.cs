using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;

namespace VcService.Api.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Without_a_configured_demo_key_one_is_generated_once_into_the_data_directory()
    {
        var dir = ServiceFactory.NewDataDirectory();
        string key;
        using (var first = new ServiceFactory(dir, settings: new() { ["VcService:Demo:ApiKey"] = "" }))
        {
            (await first.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
            key = (await File.ReadAllTextAsync(Path.Combine(dir, "demo-api-key"))).Trim();
            key.Should().StartWith("vck_");
            var response = await first.CreateClient(key).GetAsync($"/v1/issuers/demo/credentials/{Guid.NewGuid()}");
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, "the generated key is accepted");
        }
        using var second = new ServiceFactory(dir, settings: new() { ["VcService:Demo:ApiKey"] = "" });
        await second.CreateClient().GetAsync("/health");
        (await File.ReadAllTextAsync(Path.Combine(dir, "demo-api-key"))).Trim().Should().Be(key, "the key is written once");
        File.Exists(Path.Combine(dir, "master-key")).Should().BeTrue("Development generates a master key file");
    }

    [Fact]
    public async Task A_newly_configured_demo_key_replaces_the_old_one()
    {
        var dir = ServiceFactory.NewDataDirectory();
        using (var first = new ServiceFactory(dir))
            await first.CreateClient().GetAsync("/health");
        using var second = new ServiceFactory(dir, settings: new() { ["VcService:Demo:ApiKey"] = "vck_rotated_demo_key" });
        var path = $"/v1/issuers/demo/credentials/{Guid.NewGuid()}";
        (await second.CreateClient("vck_rotated_demo_key").GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await second.CreateClient(ServiceFactory.DemoApiKey).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Public_base_url_with_a_port_becomes_a_percent_encoded_did_web_host()
    {
        using var factory = new ServiceFactory(settings: new() { ["VcService:PublicBaseUrl"] = "http://localhost:5000" });
        var document = await factory.CreateClient().GetFromJsonAsync<JsonObject>("/issuers/demo/did.json");
        document!["id"]!.GetValue<string>().Should().Be("did:web:localhost%3A5000:issuers:demo");
    }

    [Fact]
    public void Outside_development_the_service_refuses_to_start_without_a_master_key()
    {
        using var factory = new ProductionFactory();
        var act = () => factory.CreateClient();
        act.Should().Throw<InvalidOperationException>().WithMessage("*master key*");
    }

    private sealed class ProductionFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("VcService:DataDirectory", ServiceFactory.NewDataDirectory());
            builder.UseSetting("VcService:PublicBaseUrl", "https://vc.test.example");
        }
    }
}
