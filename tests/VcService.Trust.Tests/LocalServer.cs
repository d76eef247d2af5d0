using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VcService.Credentials.Net;

namespace VcService.Trust.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) whose answers the test sets, so fetches go over
/// real sockets without any internet. Counts the requests it served.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LocalServer(WebApplication app) => _app = app;

    public Func<HttpContext, Task> Handler { get; set; } = context => { context.Response.StatusCode = 404; return Task.CompletedTask; };

    public int Requests => _requests;

    public int Port { get; private set; }

    /// <summary>http://localhost:PORT — "localhost" resolves (through <see cref="FakeDns"/>) to 127.0.0.1.</summary>
    public Uri BaseUrl => new($"http://localhost:{Port}");

    public static async Task<LocalServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LocalServer(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref server._requests);
            return server.Handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    public static Func<HttpContext, Task> Respond(string body, string contentType, int status = 200, string? cacheControl = null) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (cacheControl is not null)
            context.Response.Headers.CacheControl = cacheControl;
        await context.Response.WriteAsync(body);
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A DNS resolver with fixed answers, so tests need no real DNS.</summary>
public sealed class FakeDns(Dictionary<string, IPAddress[]> answers) : IDnsResolver
{
    public static FakeDns Localhost() => new(new() { ["localhost"] = [IPAddress.Loopback] });

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        answers.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
}

/// <summary>A clock the tests move by hand.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
