namespace VcService.LinkedData.Tests;

/// <summary>Locates the repository root (the directory with VcService.sln) and the shared test data next to it.</summary>
public static class RdfTestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    public static string RepoRoot => Root.Value;

    /// <summary>The read-only shared data directory (<c>../shared</c> from the repository root).</summary>
    public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VcService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"VcService.sln not found above {AppContext.BaseDirectory}");
    }
}
