using System.Globalization;

namespace VcService.Storage.Sqlite;

internal static class SqliteText
{
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
    public static DateTimeOffset Time(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    public static DateTimeOffset? OptionalTime(string? value) => value is null ? null : Time(value);
}
