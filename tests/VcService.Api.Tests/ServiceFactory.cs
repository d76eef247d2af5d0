using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VcService.Api.Tests;

/// <summary>
/// The real service in-process (real SQLite file in a temporary data directory, real HTTP pipeline).
/// Pass the same data directory to a second factory to simulate a restart.
/// </summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public const string DemoApiKey = "vck_test_demo_key_0123456789";

    public ServiceFactory(string? dataDirectory = null, TimeProvider? time = null, Dictionary<string, string?>? settings = null)
    {
        DataDirectory = dataDirectory ?? NewDataDirectory();
        Time = time;
        Settings = settings ?? [];
    }

    public string DataDirectory { get; }
    private TimeProvider? Time { get; }
    private Dictionary<string, string?> Settings { get; }

    public static string NewDataDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vcservice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("VcService:DataDirectory", DataDirectory);
        builder.UseSetting("VcService:PublicBaseUrl", "https://vc.test.example");
        builder.UseSetting("VcService:Demo:ApiKey", DemoApiKey);
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (Time is not null)
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(Time)));
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
