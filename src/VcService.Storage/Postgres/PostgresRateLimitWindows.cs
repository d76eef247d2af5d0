using Dapper;

namespace VcService.Storage.Postgres;

/// <summary>
/// Fixed-window request counts shared by every instance on the database (table
/// <c>rate_limit_windows</c>): one row per partition (policy and client) and window, counted up in
/// one atomic statement. Each instance deletes windows that ended at most once per <see cref="SweepInterval"/>.
/// </summary>
public sealed class PostgresRateLimitWindows(PostgresDatabase database, TimeProvider time)
{
    /// <summary>How often an instance deletes ended windows, and how long it keeps them after their end (for instances whose clock is a little behind).</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private long _nextSweepTicks;

    /// <summary>Adds <paramref name="permits"/> to the window's count; returns the count including them.</summary>
    public async Task<int> IncrementAsync(string partitionKey, DateTimeOffset windowStart, DateTimeOffset windowEnd, int permits, CancellationToken cancellationToken)
    {
        var dialect = PostgresDialect.Instance;
        await using var connection = await database.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            INSERT INTO rate_limit_windows AS w (partition_key, window_start, window_end, count)
            VALUES (@partitionKey, @windowStart, @windowEnd, @permits)
            ON CONFLICT (partition_key, window_start) DO UPDATE SET count = w.count + @permits
            RETURNING count
            """,
            new { partitionKey, windowStart = dialect.Time(windowStart), windowEnd = dialect.Time(windowEnd), permits },
            cancellationToken: cancellationToken));

        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) == due)
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM rate_limit_windows WHERE window_end < @before",
                new { before = dialect.Time(now - SweepInterval) }, cancellationToken: cancellationToken));
        return count;
    }
}
