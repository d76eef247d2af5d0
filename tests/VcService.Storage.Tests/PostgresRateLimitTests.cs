using System.Net;
using System.Text;
using Dapper;
using FluentAssertions;
using Npgsql;
using VcService.Api.Tests;
using VcService.Crypto.KeyProtection;

namespace VcService.Storage.Tests;

/// <summary>
/// On PostgreSQL the public rate limits are counted in the database: two instances on one database
/// admit together what one would. Both run on one hand-moved clock.
/// </summary>
public sealed class PostgresRateLimitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 10, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Start);
    private readonly PostgresInstances _instances = new();

    public Task InitializeAsync() => _instances.CreateDatabaseAsync();

    public Task DisposeAsync()
    {
        _instances.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>An instance on the shared database: 3 verifications per minute, 100 reads per minute.</summary>
    private HttpClient Instance() => _instances.Start(new()
    {
        ["VcService:RateLimit:Verify:PermitLimit"] = "3",
        ["VcService:RateLimit:Verify:Window"] = "00:01:00",
        ["VcService:RateLimit:PublicRead:PermitLimit"] = "100",
        ["VcService:RateLimit:PublicRead:Window"] = "00:01:00",
    }, _clock).CreateClient();

    private static Task<HttpResponseMessage> VerifyAsync(HttpClient client) =>
        client.PostAsync("/v1/verify", new StringContent("{\"credential\": \"not.a.jwt\"}", Encoding.UTF8, "application/json"));

    private static async Task ExpectRefusedAsync(HttpClient client, int retryAfter)
    {
        var refused = await VerifyAsync(client);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        refused.Headers.GetValues("Retry-After").Single().Should().Be(retryAfter.ToString(), "seconds to the end of the window");
    }

    private async Task<List<(DateTime Start, int Count)>> WindowsAsync()
    {
        await using var connection = new NpgsqlConnection(_instances.ConnectionString);
        var rows = await connection.QueryAsync<(DateTime, int)>(
            "SELECT window_start, count FROM rate_limit_windows WHERE partition_key LIKE 'public-verify|%' ORDER BY window_start");
        return rows.ToList();
    }

    [PostgresFact]
    public async Task Two_instances_admit_together_what_one_would_and_a_new_window_admits_again()
    {
        var (a, b) = (Instance(), Instance());
        (await VerifyAsync(a)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await VerifyAsync(b)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await VerifyAsync(a)).StatusCode.Should().Be(HttpStatusCode.OK);

        // The window is 09:00:00–09:01:00; the clock stands at 09:00:10.
        await ExpectRefusedAsync(b, retryAfter: 50);
        await ExpectRefusedAsync(a, retryAfter: 50);
        (await WindowsAsync()).Should().Equal([(Start.UtcDateTime.AddSeconds(-10), 5)], "each request is counted once");

        // Each instance now knows the window is full and refuses without counting.
        _clock.Now = Start.AddSeconds(30);
        await ExpectRefusedAsync(a, retryAfter: 20);
        await ExpectRefusedAsync(b, retryAfter: 20);
        (await WindowsAsync()).Single().Count.Should().Be(5);

        (await a.GetAsync("/issuers/demo/did.json")).StatusCode.Should().Be(HttpStatusCode.OK, "reads have their own budget");

        _clock.Now = Start.AddMinutes(1);
        (await VerifyAsync(b)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await VerifyAsync(a)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await VerifyAsync(b)).StatusCode.Should().Be(HttpStatusCode.OK);
        await ExpectRefusedAsync(a, retryAfter: 50);
    }

    [PostgresFact]
    public async Task Windows_that_ended_are_deleted()
    {
        var client = Instance();
        for (var minute = 0; minute < 4; minute++)
        {
            _clock.Now = Start.AddMinutes(minute);
            (await VerifyAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Swept once a minute: what ended more than a minute ago is gone.
        (await WindowsAsync()).Select(w => w.Start).Should().Equal(
            Start.UtcDateTime.AddSeconds(-10).AddMinutes(2), Start.UtcDateTime.AddSeconds(-10).AddMinutes(3));
    }

    [PostgresFact]
    public async Task Requests_are_admitted_when_the_database_cannot_count_them()
    {
        var client = Instance();
        (await VerifyAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK);
        await _instances.DropDatabaseAsync();

        for (var i = 0; i < 5; i++)
            (await VerifyAsync(client)).StatusCode.Should().Be(HttpStatusCode.OK, "fail open: the limit protects, it does not stop verification");
    }
}
