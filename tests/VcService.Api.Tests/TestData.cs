using System.Text.Json.Nodes;

namespace VcService.Api.Tests;

public static class TestData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VcService.sln")))
                return dir.FullName;
        throw new InvalidOperationException("VcService.sln not found above the test directory.");
    }

    public static IEnumerable<string> SampleFiles() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "samples"), "*.json").Order();

    public static JsonObject Sample(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsObject();

    public static JsonObject FirstSample() => Sample(SampleFiles().First());

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in SampleFiles())
            data.Add(Path.GetFileName(file));
        return data;
    }
}
