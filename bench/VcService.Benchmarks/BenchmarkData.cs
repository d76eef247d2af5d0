namespace VcService.Benchmarks;

/// <summary>Documents the benchmarks run on, from the shared test data next to the repository.</summary>
internal static class BenchmarkData
{
    public static readonly string SharedDir = FindShared();

    /// <summary>The ELM micro-credential sample (EDC application profile, ~110 KB JSON-LD).</summary>
    public static string ElmSample => Path.Combine(SharedDir, "reference", "elm", "Sample-MC-Annex1-unsigned.jsonld");

    /// <summary>The small W3C test-vector credential (vc-di-eddsa unsigned.json).</summary>
    public static string SmallCredential => Path.Combine(SharedDir, "w3c", "vc-di-eddsa", "TestVectors", "unsigned.json");

    /// <summary>The ELM micro-credential this service renders (samples/elm/mc-ects-eqf.jsonld, ~13 KB).</summary>
    public static string ElmCredential => Path.Combine(FindRepo(), "samples", "elm", "mc-ects-eqf.jsonld");

    /// <summary>The service's rendering of samples/mc-ects-eqf.json in a profile (samples/elm/*.jsonld, samples/obv3/*.json).</summary>
    public static string ProfileSample(string profile) => profile == "elm"
        ? ElmCredential
        : Path.Combine(FindRepo(), "samples", profile, "mc-ects-eqf.json");

    private static string FindRepo()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VcService.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("VcService.sln not found");
    }

    public static string Path1(string name) => name switch
    {
        "elm" => ElmSample,
        "small" => SmallCredential,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static string FindShared()
    {
        // BenchmarkDotNet runs the benchmarks from a generated directory under bin/, so walk up.
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VcService.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                }
            }
        }
        return Environment.GetEnvironmentVariable("VCSERVICE_SHARED") ?? throw new InvalidOperationException("VcService.sln not found; set VCSERVICE_SHARED");
    }
}
