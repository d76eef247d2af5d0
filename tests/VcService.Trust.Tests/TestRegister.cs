using VcService.MicroCredentials.Trust;
using VcService.Storage.Sql;
using VcService.Storage.Sqlite;

namespace VcService.Trust.Tests;

/// <summary>A DEQAR register in a fresh SQLite file, loaded from the sample CSV (or given rows).</summary>
internal static class TestRegister
{
    public static async Task<SqlDeqarRegister> CreateAsync(IReadOnlyList<DeqarInstitution>? institutions = null, string? dataDirectory = null)
    {
        var directory = dataDirectory ?? Api.Tests.ServiceFactory.NewDataDirectory();
        var database = new SqliteDatabase(Path.Combine(directory, "vcservice.db"));
        await database.MigrateAsync(CancellationToken.None);
        var register = new SqlDeqarRegister(database);
        if (institutions is null)
        {
            using var reader = File.OpenText(DeqarCsvReaderTests.SampleFile);
            institutions = DeqarCsvReader.Read(reader).Institutions;
        }
        await register.ReplaceAllAsync(institutions, new DeqarImportInfo("deqar-institutions.csv", new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), institutions.Count), CancellationToken.None);
        return register;
    }
}
