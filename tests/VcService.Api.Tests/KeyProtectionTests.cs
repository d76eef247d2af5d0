using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VcService.Api.Tenants;
using static VcService.Api.Tests.AdminClient;

namespace VcService.Api.Tests;

/// <summary>Private keys are encrypted at rest, and never appear in responses or logs; the master key rules.</summary>
public sealed class KeyProtectionTests
{
    /// <summary>The encodings a leaked key would most likely show up in.</summary>
    private static IEnumerable<byte[]> Encodings(byte[] secret)
    {
        yield return secret;
        foreach (var text in new[]
                 {
                     Convert.ToBase64String(secret), Convert.ToBase64String(secret).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
                     Convert.ToHexStringLower(secret), Convert.ToHexString(secret),
                 })
        {
            yield return Encoding.UTF8.GetBytes(text[..Math.Min(40, text.Length)]);
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public async Task The_database_files_contain_no_private_key_bytes()
    {
        using var factory = new ServiceFactory(settings: Settings());
        var admin = factory.CreateClient(AdminKey);
        await CreateIssuerAsync(admin, "uni-ed");
        await CreateIssuerAsync(admin, "uni-p", "P-256");
        await SendAsync(admin, HttpMethod.Post, "/v1/admin/issuers/demo/keys/rotate", new System.Text.Json.Nodes.JsonObject { ["keyType"] = "P-256" });
        await IssueAsync(factory.CreateClient(ServiceFactory.DemoApiKey), "demo");

        var keys = factory.Services.GetRequiredService<TenantKeyService>();
        var secrets = new List<byte[]>();
        foreach (var tenant in new[] { "demo", "uni-ed", "uni-p" })
        {
            var opened = await keys.OpenActiveKeyAsync(tenant, CancellationToken.None);
            using var key = opened!.Value.Key;
            secrets.Add(key.ExportPrivateKey());
            key.ToString().Should().NotContain(Convert.ToBase64String(secrets[^1])[..20]);
        }
        secrets.Should().HaveCount(3).And.OnlyHaveUniqueItems();

        SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(factory.DataDirectory, "vcservice.db*");
        files.Should().Contain(f => f.EndsWith("vcservice.db"));
        foreach (var file in files)
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                bytes = buffer.ToArray();
            }
            foreach (var secret in secrets)
                foreach (var encoding in Encodings(secret))
                    Contains(bytes, encoding).Should().BeFalse($"{Path.GetFileName(file)} must not hold a private key in the clear");
        }
        // The check can fail: the public keys are in the file in the clear.
        var publicKey = (await factory.Services.GetRequiredService<Storage.Abstractions.IKeyStore>().ListAsync("uni-ed", CancellationToken.None))[0].PublicKeyMultibase;
        files.Any(f => Contains(File.ReadAllBytes(f), Encoding.UTF8.GetBytes(publicKey))).Should().BeTrue();
    }

    [Fact]
    public async Task Private_keys_appear_in_no_response_and_no_log()
    {
        var logs = new CapturingLoggerProvider();
        using var baseFactory = new ServiceFactory(settings: Settings());
        using var factory = baseFactory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
        var responses = new StringBuilder();
        responses.Append(await (await SendAsync(admin, HttpMethod.Post, "/v1/admin/issuers", IssuerBody("uni-log"))).Content.ReadAsStringAsync());
        responses.Append(await (await SendAsync(admin, HttpMethod.Post, "/v1/admin/issuers/uni-log/keys/rotate")).Content.ReadAsStringAsync());
        responses.Append(await (await SendAsync(admin, HttpMethod.Post, "/v1/admin/issuers/uni-log/keys/key-1/retire", new System.Text.Json.Nodes.JsonObject { ["reason"] = "test" })).Content.ReadAsStringAsync());
        responses.Append(await (await admin.GetAsync("/v1/admin/issuers/uni-log/keys")).Content.ReadAsStringAsync());
        responses.Append(await (await factory.CreateClient().GetAsync("/issuers/uni-log/did.json")).Content.ReadAsStringAsync());

        var stored = await factory.Services.GetRequiredService<Storage.Abstractions.IKeyStore>().ListAsync("uni-log", CancellationToken.None);
        var protector = factory.Services.GetRequiredService<Crypto.KeyProtection.AesGcmKeyProtector>();
        var everything = responses + string.Join('\n', logs.Messages);
        logs.Messages.Should().NotBeEmpty();
        foreach (var key in stored)
        {
            var secret = protector.Unprotect(key.EncryptedPrivateKey, TenantKeyService.Owner("uni-log", key.KeyId));
            foreach (var encoding in Encodings(secret).Skip(1)) // the text encodings
                everything.Should().NotContain(Encoding.UTF8.GetString(encoding));
            everything.Should().NotContain(Convert.ToBase64String(key.EncryptedPrivateKey)[..24]);
        }
    }

    [Fact]
    public async Task A_wrong_master_key_stops_the_service_from_starting()
    {
        var dir = ServiceFactory.NewDataDirectory();
        var masterKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        using (var first = new ProductionFactory(dir, new() { ["VcService:MasterKey"] = masterKey }))
            (await first.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var second = new ProductionFactory(dir, new() { ["VcService:MasterKey"] = Convert.ToBase64String(new byte[32]) });
        var act = () => second.CreateClient();
        act.Should().Throw<InvalidOperationException>().WithMessage("*master key*");
    }

    [Fact]
    public async Task Outside_development_a_master_key_from_the_environment_or_a_file_is_accepted()
    {
        var masterKey = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());
        using (var fromValue = new ProductionFactory(ServiceFactory.NewDataDirectory(), new() { ["VcService:MasterKey"] = masterKey }))
            (await fromValue.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

        var dir = ServiceFactory.NewDataDirectory();
        var file = Path.Combine(dir, "secret-master-key");
        await File.WriteAllTextAsync(file, masterKey + "\n");
        using var fromFile = new ProductionFactory(dir, new() { ["VcService:MasterKeyFile"] = file });
        (await fromFile.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        File.Exists(Path.Combine(dir, "master-key")).Should().BeFalse("production never generates a master key");
    }

    [Fact]
    public void A_malformed_master_key_stops_the_service_from_starting()
    {
        using var factory = new ProductionFactory(ServiceFactory.NewDataDirectory(), new() { ["VcService:MasterKey"] = "too-short" });
        var act = () => factory.CreateClient();
        act.Should().Throw<Exception>().Where(e => e.ToString().Contains("master key"));
    }

    private sealed class ProductionFactory(string dataDirectory, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("VcService:DataDirectory", dataDirectory);
            builder.UseSetting("VcService:PublicBaseUrl", "https://vc.test.example");
            builder.UseSetting("VcService:Demo:ApiKey", ServiceFactory.DemoApiKey);
            foreach (var (k, v) in settings)
                builder.UseSetting(k, v);
        }
    }
}

/// <summary>Keeps every formatted log message (and exception text) written through the logging pipeline.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._messages.Enqueue(formatter(state, exception) + (exception is null ? "" : "\n" + exception));
    }
}
