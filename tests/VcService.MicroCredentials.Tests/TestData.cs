using System.Text.Json.Nodes;

namespace VcService.MicroCredentials.Tests;

internal static class TestData
{
    public static readonly string RepoRoot = FindRoot();

    public static string SamplesDir => Path.Combine(RepoRoot, "samples");

    public static IEnumerable<string> SampleFiles => Directory.GetFiles(SamplesDir, "*.json").Order(StringComparer.Ordinal);

    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var f in SampleFiles) data.Add(Path.GetFileName(f));
        return data;
    }

    public static JsonObject Sample(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(SamplesDir, name)))!.AsObject();

    public static HeiRecord Record(string name)
    {
        var v = HeiRecordValidator.Validate(Sample(name));
        if (!v.IsValid) throw new InvalidOperationException(string.Join("; ", v.Errors));
        return v.Record!;
    }

    /// <summary>A valid record to mutate in single-rule tests.</summary>
    public static JsonObject Valid() => Sample("mc-ects-eqf.json");

    public static readonly IssuerProfile Issuer = new(
        "did:web:credentials.tum.de",
        new Dictionary<string, string> { ["en"] = "Technical University of Munich", ["de"] = "Technische Universität München" },
        "DE", "DE811193231", "DEQARINST0312", "https://www.tum.de");

    public static readonly ElmRenderOptions Options = new(
        "urn:uuid:5b0f3c1e-8a8e-4d47-9f57-3f2c0c9e7a10",
        new DateTimeOffset(2025, 7, 16, 9, 30, 15, 250, TimeSpan.FromHours(2)),
        new DateTimeOffset(2030, 7, 16, 0, 0, 0, TimeSpan.Zero));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VcService.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (VcService.sln) not found");
    }
}
