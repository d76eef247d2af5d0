using System.Text.Json.Nodes;
using VcService.Credentials.DataIntegrity;
using VcService.Crypto;

namespace VcService.Credentials.Tests.DataIntegrity;

/// <summary>Locates ../shared/w3c (next to the directory holding VcService.sln) and reads vector files.</summary>
internal static class TestVectors
{
    public static readonly string Shared = FindShared();

    public static string Eddsa => Path.Combine(Shared, "w3c", "vc-di-eddsa", "TestVectors");
    public static string Ecdsa => Path.Combine(Shared, "w3c", "vc-di-ecdsa", "TestVectors");

    public static string Text(string path) => File.ReadAllText(path);

    public static JsonObject Json(string path) => (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;

    /// <summary>A hex file, trimmed.</summary>
    public static string Hex(string path) => File.ReadAllText(path).Trim();

    public static SigningKey Key(JsonObject keyFile) =>
        SigningKey.FromPrivateMultikey((keyFile["privateKeyMultibase"] ?? keyFile["secretKeyMultibase"])!.GetValue<string>());

    public static readonly Func<string, CancellationToken, Task<KeyLookupResult>> ResolveKey =
        VerificationMethodKeys.FromResolver(VerificationMethodKeys.Offline());

    public static DataIntegrityVerifyOptions Options => new() { Now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) };

    public static Task<DataIntegrityVerificationResult> VerifyAsync(JsonObject secured, DataIntegrityVerifyOptions? options = null) =>
        VcService.Credentials.DataIntegrity.DataIntegrity.VerifyAsync(secured, ResolveKey, options ?? Options, CancellationToken.None);

    private static string FindShared() => Path.GetFullPath(Path.Combine(FindRepo(), "..", "shared"));

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VcService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("VcService.sln not found above the test directory");
    }
}
