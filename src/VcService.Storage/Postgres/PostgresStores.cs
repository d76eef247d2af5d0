namespace VcService.Storage.Postgres;

/// <summary>Times as stored: <c>timestamptz</c> keeps microseconds, so finer ticks are cut (never rounded up).</summary>
internal static class PostgresTime
{
    public static DateTimeOffset Write(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % 10, TimeSpan.Zero);
    }

    public static DateTimeOffset? Write(DateTimeOffset? value) => value is { } v ? Write(v) : null;

    public static DateTimeOffset Read(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Read(DateTime? value) => value is { } v ? Read(v) : null;
}
