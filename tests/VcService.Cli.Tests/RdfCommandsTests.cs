using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.Cli.Tests;

public sealed class RdfCommandsTests : IDisposable
{
    private readonly List<string> _tempFiles = [];

    public void Dispose() => _tempFiles.ForEach(File.Delete);

    private static readonly string Shared = FindShared();

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Canonicalize_json_ld_reproduces_the_eddsa_rdfc_2022_vector()
    {
        var (exit, stdout, stderr) = Run("rdf", "canonicalize", Path.Combine(Shared, "w3c/vc-di-eddsa/TestVectors/unsigned.json"));

        exit.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Be(File.ReadAllText(Path.Combine(Shared, "w3c/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/canonDocDataInt.txt")));
        stderr.Should().BeEmpty();
    }

    [Fact]
    public void Canonicalize_n_quads_with_sha384_reproduces_the_w3c_test()
    {
        string dir = Path.Combine(Shared, "w3c/rdf-canon/rdfc10");
        var (exit, stdout, _) = Run("rdf", "canonicalize", "--input", "nquads", "--hash", "sha384", Path.Combine(dir, "test075-in.nq"));

        exit.Should().Be(ExitCodes.Success);
        stdout.Should().Be(File.ReadAllText(Path.Combine(dir, "test075-rdfc10.nq")));
    }

    [Fact]
    public void Repeat_prints_the_mean_on_stderr_and_the_result_once()
    {
        var (exit, stdout, stderr) = Run("rdf", "canonicalize", "--repeat", "3", Path.Combine(Shared, "w3c/vc-di-eddsa/TestVectors/unsigned.json"));

        exit.Should().Be(ExitCodes.Success);
        stderr.Should().MatchRegex(@"^mean \d+(\.\d+)? ms\r?\n$");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(File.ReadAllLines(
            Path.Combine(Shared, "w3c/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/canonDocDataInt.txt")).Length);
    }

    [Fact]
    public void Expand_prints_expanded_json_ld()
    {
        var (exit, stdout, _) = Run("rdf", "expand", Path.Combine(Shared, "w3c/vc-di-eddsa/TestVectors/unsigned.json"));

        exit.Should().Be(ExitCodes.Success);
        var expanded = JsonNode.Parse(stdout)!.AsArray();
        expanded.Should().ContainSingle();
        expanded[0]!["@id"]!.GetValue<string>().Should().Be("urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33");
    }

    [Fact]
    public void Poisoned_dataset_hits_the_work_limit_quickly()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (exit, stdout, stderr) = Run("rdf", "canonicalize", "--input", "nquads", Path.Combine(Shared, "w3c/rdf-canon/rdfc10/test074-in.nq"));

        exit.Should().Be(ExitCodes.LimitExceeded);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("work limit exceeded");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Invalid_n_quads_reports_the_line()
    {
        string file = TempFile("<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:p> \"open .\n");
        var (exit, _, stderr) = Run("rdf", "canonicalize", "--input", "nquads", file);

        exit.Should().Be(ExitCodes.InvalidInput);
        stderr.Should().Contain("line 2");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"@context\": {\"@version\": 2.0}}")]
    [InlineData("{\"@context\": \"https://example.org/unknown-context\", \"name\": \"x\"}")]
    public void Invalid_json_ld_is_an_input_error(string json)
    {
        var (exit, stdout, stderr) = Run("rdf", "canonicalize", TempFile(json));

        exit.Should().Be(ExitCodes.InvalidInput);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("error: invalid JSON-LD");
    }

    [Fact]
    public void Safe_mode_rejects_undefined_terms_unless_disabled()
    {
        string file = TempFile("{\"@context\": {\"name\": \"https://schema.org/name\"}, \"name\": \"x\", \"undefinedTerm\": 1}");

        Run("rdf", "canonicalize", file).Exit.Should().Be(ExitCodes.InvalidInput);
        var (exit, stdout, _) = Run("rdf", "canonicalize", "--safe", "false", file);
        exit.Should().Be(ExitCodes.Success);
        stdout.Should().Be("_:c14n0 <https://schema.org/name> \"x\" .\n");
    }

    [Fact]
    public void Missing_file_and_bad_options_fail()
    {
        Run("rdf", "canonicalize", "/nonexistent/file.json").Exit.Should().Be(ExitCodes.InputUnreadable);
        Run("rdf", "canonicalize", "--input", "turtle", "x").Exit.Should().Be(ExitCodes.Usage);
        Run("rdf", "canonicalize", "--repeat", "-1", "x").Exit.Should().Be(ExitCodes.Usage);
        Run("rdf", "canonicalize").Exit.Should().Be(ExitCodes.Usage);
    }

    [Fact]
    public void A_usage_error_is_not_confused_with_not_verified()
    {
        ExitCodes.Usage.Should().NotBe(ExitCodes.NotVerified);
        Run("verify", "--no-such-option", "x").Exit.Should().Be(ExitCodes.Usage);
        Run("no-such-command").Exit.Should().Be(ExitCodes.Usage);
    }

    private string TempFile(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"vcservice-cli-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        _tempFiles.Add(path);
        return path;
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VcService.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }
        throw new InvalidOperationException("VcService.sln not found");
    }
}
