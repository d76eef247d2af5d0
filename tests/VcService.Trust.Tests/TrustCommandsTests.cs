using FluentAssertions;
using VcService.Api.Tests;
using VcService.Cli;
using VcService.MicroCredentials.Trust;
using VcService.Storage.Sql;
using VcService.Storage.Sqlite;

namespace VcService.Trust.Tests;

public sealed class TrustCommandsTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static SqlDeqarRegister Register(string dir) => new(new SqliteDatabase(Path.Combine(dir, "vcservice.db")));

    [Fact]
    public async Task Import_deqar_loads_the_sample_into_the_data_directory()
    {
        var dir = ServiceFactory.NewDataDirectory();
        var (exit, stdout, stderr) = Run("trust", "import-deqar", DeqarCsvReaderTests.SampleFile, "--data-dir", dir);
        exit.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("Imported 16 DEQAR institutions").And.Contain("rejected 0 rows");
        (await Register(dir).FindByDeqarIdAsync("DEQARINST0312", CancellationToken.None))!.NamePrimary.Should().Be("Technical University of Munich");

        var (showExit, shown, _) = Run("trust", "show", "--data-dir", dir);
        showExit.Should().Be(ExitCodes.Success);
        shown.Should().Contain("16 institutions from deqar-institutions.csv");
    }

    [Fact]
    public async Task Rejected_rows_are_reported_with_line_numbers_and_the_rest_imported()
    {
        var dir = ServiceFactory.NewDataDirectory();
        var file = Path.Combine(dir, "mixed.csv");
        await File.WriteAllTextAsync(file,
            "deqar_id,name_primary,country,website_link\n" +
            "DEQARINST0001,Good University,AT,https://good.example\n" +
            "DEQARINST0002,No Country,,https://x.example\n" +
            "DEQARINST0003,Another Good One,FR,\n" +
            "BROKEN,Bad Id,FR,\n");
        var (exit, stdout, stderr) = Run("trust", "import-deqar", file, "--data-dir", dir);
        exit.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("Imported 2 DEQAR institutions").And.Contain("rejected 2 rows");
        stderr.Should().Contain("line 3: rejected: country is empty").And.Contain("line 5: rejected: deqar_id 'BROKEN'");
        (await Register(dir).GetImportInfoAsync(CancellationToken.None))!.Institutions.Should().Be(2);
    }

    [Fact]
    public async Task Strict_mode_and_files_without_valid_rows_leave_the_data_unchanged()
    {
        var dir = ServiceFactory.NewDataDirectory();
        Run("trust", "import-deqar", DeqarCsvReaderTests.SampleFile, "--data-dir", dir).Exit.Should().Be(ExitCodes.Success);
        var file = Path.Combine(dir, "bad.csv");
        await File.WriteAllTextAsync(file, "deqar_id,name_primary,country\nDEQARINST0001,Good,AT\nDEQARINST0002,Bad,ZZ\n");

        var (strictExit, _, strictErr) = Run("trust", "import-deqar", file, "--data-dir", dir, "--strict");
        strictExit.Should().Be(ExitCodes.InvalidInput);
        strictErr.Should().Contain("line 3").And.Contain("unchanged");

        await File.WriteAllTextAsync(file, "deqar_id,name_primary,country\nDEQARINST0002,Bad,ZZ\n");
        Run("trust", "import-deqar", file, "--data-dir", dir).Exit.Should().Be(ExitCodes.InvalidInput);

        await File.WriteAllTextAsync(file, "name,website\nX,y\n");
        var (headerExit, _, headerErr) = Run("trust", "import-deqar", file, "--data-dir", dir);
        headerExit.Should().Be(ExitCodes.InvalidInput);
        headerErr.Should().Contain("line 1");

        (await Register(dir).GetImportInfoAsync(CancellationToken.None))!.Institutions.Should().Be(16);
        Run("trust", "import-deqar", Path.Combine(dir, "missing.csv"), "--data-dir", dir).Exit.Should().Be(ExitCodes.InputUnreadable);
    }

    [Fact]
    public async Task Check_list_validates_a_trusted_issuer_list_file()
    {
        var sample = Path.Combine(TestData.RepoRoot, "samples", "trust", "trusted-issuers.json");
        var (exit, stdout, _) = Run("trust", "check-list", sample);
        exit.Should().Be(ExitCodes.Success);
        stdout.Should().Contain("2 trusted issuers");

        var bad = Path.Combine(ServiceFactory.NewDataDirectory(), "bad.json");
        await File.WriteAllTextAsync(bad, """{"issuers": [{"did": "did:web:x.example", "country": "XX"}]}""");
        var (badExit, _, stderr) = Run("trust", "check-list", bad);
        badExit.Should().Be(ExitCodes.InvalidInput);
        stderr.Should().Contain("issuers[0].legalName").And.Contain("issuers[0].country");
    }
}
