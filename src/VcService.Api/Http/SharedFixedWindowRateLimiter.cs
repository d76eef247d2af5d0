using System.Data.Common;
using System.Threading.RateLimiting;
using VcService.Storage.Postgres;

namespace VcService.Api.Http;

/// <summary>
/// A fixed-window limiter of one partition whose count lives in the shared PostgreSQL database, so
/// that all instances together admit at most <see cref="WindowLimit.PermitLimit"/> requests per
/// window. The window is the current multiple of its length since the epoch, the same on every
/// instance whose clock is synchronized.
/// </summary>
/// <remarks>
/// Fail open: when the database does not answer, the request is admitted and a warning logged.
/// The limit protects the service; verification should not stop because requests cannot be counted.
/// </remarks>
internal sealed class SharedFixedWindowRateLimiter(
    string partitionKey, WindowLimit limit, PostgresRateLimitWindows windows, TimeProvider time, ILogger logger) : RateLimiter
{
    // A shared count only grows within its window: once it is over the limit, this instance refuses
    // until the window ends without asking the database again.
    private long _refusedUntilTicks;
    private long _lastUsed = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // The rate limiting middleware calls AttemptAcquire first and, only when that is refused,
    // awaits AcquireAsync. Counting needs the database, so each request is counted once, there.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        Refused(time.GetUtcNow()) ?? (permitCount == 0 ? Lease.Acquired : Lease.NotCounted);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        var now = time.GetUtcNow();
        if (Refused(now) is { } refused)
            return refused;
        if (permitCount == 0)
            return Lease.Acquired;

        var start = new DateTimeOffset(now.UtcTicks - now.UtcTicks % limit.Window.Ticks, TimeSpan.Zero);
        var end = start + limit.Window;
        int count;
        try
        {
            count = await windows.IncrementAsync(partitionKey, start, end, permitCount, cancellationToken);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            logger.LogWarning(e, "Rate limit {Partition} could not be counted in the database; the request is admitted", partitionKey);
            return Lease.Acquired;
        }
        if (count <= limit.PermitLimit)
            return Lease.Acquired;
        Interlocked.Exchange(ref _refusedUntilTicks, end.UtcTicks);
        return new Lease(false, end - now);
    }

    private Lease? Refused(DateTimeOffset now)
    {
        var until = Interlocked.Read(ref _refusedUntilTicks);
        return now.UtcTicks < until ? new Lease(false, TimeSpan.FromTicks(until - now.UtcTicks)) : null;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter = null) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);

        /// <summary>Refused by AttemptAcquire only because the count is not known yet.</summary>
        public static readonly Lease NotCounted = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
