using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using VcService.Storage.Postgres;

namespace VcService.Api.Http;

/// <summary>One fixed-window limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/> from one client address.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The <c>VcService:RateLimit</c> section: limits of the anonymous endpoints, per client IP address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "VcService:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary><c>POST /v1/verify</c>: verification resolves DIDs and fetches status lists, so it is the costly one.</summary>
    public WindowLimit Verify { get; set; } = new() { PermitLimit = 120 };

    /// <summary>Public reads: DID documents and status lists (cheap, cached, fetched by every verifier).</summary>
    public WindowLimit PublicRead { get; set; } = new() { PermitLimit = 1200 };
}

/// <summary>
/// ASP.NET Core rate limiter policies of the public endpoints, partitioned by client IP. A rejected
/// request gets 429 with <c>Retry-After</c> and a problem body. Behind a reverse proxy, configure
/// forwarded headers so the client address is the real one. With SQLite (one instance) the counts
/// are in memory; with PostgreSQL they are in the database, shared by all instances
/// (<see cref="SharedFixedWindowRateLimiter"/>).
/// </summary>
public static class PublicRateLimits
{
    public const string Verify = "public-verify";
    public const string PublicRead = "public-read";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => Valid(o.Verify) && Valid(o.PublicRead), "VcService:RateLimit: PermitLimit must be positive and Window longer than zero.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Verify, context => Partition(context, Verify, o => o.Verify));
            limiter.AddPolicy(PublicRead, context => Partition(context, PublicRead, o => o.PublicRead));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Write(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This client made too many requests to this endpoint; retry after {seconds} seconds.");
            };
        });
        return services;
    }

    private static bool Valid(WindowLimit limit) => limit.PermitLimit > 0 && limit.Window > TimeSpan.Zero;

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<RateLimitOptions, WindowLimit> select)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var key = policy + "|" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!options.Enabled)
            return RateLimitPartition.GetNoLimiter(key);
        var limit = select(options);
        // PostgreSQL: instances share the database, so they share the counts too (DESIGN §8).
        if (services.GetService<PostgresRateLimitWindows>() is { } windows)
        {
            var time = services.GetRequiredService<TimeProvider>();
            var logger = services.GetRequiredService<ILogger<SharedFixedWindowRateLimiter>>();
            return RateLimitPartition.Get(key, partitionKey => new SharedFixedWindowRateLimiter(partitionKey, limit, windows, time, logger));
        }
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
