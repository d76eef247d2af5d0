using FluentAssertions;
using VcService.Api.Tests;
using VcService.Cli;
using VcService.Storage.Postgres;
using VcService.Storage.Sql;

namespace VcService.Storage.Tests;

/// <summary><c>vcservice trust import-deqar|show --postgres …</c>: the operator loads DEQAR data into the shared database.</summary>
public sealed class PostgresCliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [PostgresFact]
    public async Task Trust_import_and_show_work_on_the_postgres_database()
    {
        var connectionString = await PostgresCluster.Shared.CreateDatabaseAsync();
        var sample = Path.Combine(TestData.RepoRoot, "samples", "deqar", "deqar-institutions.csv");

        var (exit, stdout, stderr) = Run("trust", "import-deqar", sample, "--postgres", connectionString);
        exit.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("Imported 16 DEQAR institutions").And.Contain("PostgreSQL");
        await using (var database = new PostgresDatabase(connectionString))
            (await new SqlDeqarRegister(database).FindByDeqarIdAsync("DEQARINST0312", default))!.NamePrimary.Should().Be("Technical University of Munich");

        var (showExit, shown, _) = Run("trust", "show", "--postgres", connectionString);
        showExit.Should().Be(ExitCodes.Success);
        shown.Should().Contain("16 institutions from deqar-institutions.csv");
    }

    [Fact]
    public void A_bad_connection_string_is_a_usage_error()
    {
        var (exit, _, stderr) = Run("trust", "show", "--postgres", "Nonsense Key=1");
        exit.Should().Be(ExitCodes.Usage);
        stderr.Should().StartWith("error:");
    }
}
