using Microsoft.Extensions.Options;
using VcService.Api.Configuration;
using VcService.Crypto.KeyProtection;

namespace VcService.Api.Hosting;

/// <summary>
/// Where the master key that encrypts private keys comes from: <c>VcService__MasterKey</c>, or
/// <c>VcService__MasterKeyFile</c>; in development only, a key file generated in the data directory.
/// Outside development the service refuses to start without one.
/// </summary>
public static class MasterKey
{
    public const string DevelopmentFileName = "master-key";

    public static AesGcmKeyProtector CreateProtector(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<VcServiceOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!string.IsNullOrWhiteSpace(options.MasterKey))
            return AesGcmKeyProtector.FromText(options.MasterKey);
        if (!string.IsNullOrWhiteSpace(options.MasterKeyFile))
            return AesGcmKeyProtector.FromText(File.ReadAllText(options.MasterKeyFile));
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                "No master key: set VcService__MasterKey (32 bytes, base64) or VcService__MasterKeyFile. " +
                "Only the Development environment generates one by itself.");

        var path = Path.Combine(options.DataDirectory, DevelopmentFileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(options.DataDirectory);
            WriteSecretFile(path, AesGcmKeyProtector.GenerateMasterKeyText());
        }
        return AesGcmKeyProtector.FromText(File.ReadAllText(path));
    }

    /// <summary>Writes a file readable by the owner only (where the platform supports modes).</summary>
    public static void WriteSecretFile(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
