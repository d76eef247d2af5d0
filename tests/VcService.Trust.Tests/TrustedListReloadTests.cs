using FluentAssertions;
using Microsoft.Extensions.Logging;
using VcService.Api.Trust;
using VcService.MicroCredentials.Trust;

namespace VcService.Trust.Tests;

/// <summary>The trusted issuer list file is followed: changes apply without a restart, an invalid change is refused.</summary>
public sealed class TrustedListReloadTests : IDisposable
{
    private const string First = "did:web:first.example.edu";
    private const string Second = "did:web:second.example.edu";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"vcservice-trusted-{Guid.NewGuid():N}.json");
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
    private readonly ListLogger _log = new();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task A_changed_file_applies_after_the_interval_and_an_invalid_one_is_refused()
    {
        Write(First, stamp: 1);
        var source = Create(TimeSpan.FromSeconds(10));
        (await Recognises(source, First)).Should().BeTrue();

        Write(Second, stamp: 2);
        _clock.Advance(TimeSpan.FromSeconds(5));
        (await Recognises(source, Second)).Should().BeFalse("the interval has not passed: the file is not looked at yet");
        _clock.Advance(TimeSpan.FromSeconds(5));
        (await Recognises(source, Second)).Should().BeTrue();
        (await Recognises(source, First)).Should().BeFalse();
        _log.Messages.Should().Contain(m => m.Contains("reloaded: 1 issuers"));

        File.WriteAllText(_file, """{"issuers": [{"did": "not-a-did", "legalName": {"en": "X"}, "country": "BE"}]}""");
        File.SetLastWriteTimeUtc(_file, new DateTime(2026, 1, 3, 0, 0, 0, DateTimeKind.Utc));
        _clock.Advance(TimeSpan.FromSeconds(10));
        (await Recognises(source, Second)).Should().BeTrue("an invalid file leaves the list in use");
        _log.Messages.Should().Contain(m => m.Contains("is not valid") && m.Contains("issuers[0].did"));
    }

    [Fact]
    public async Task Interval_zero_reads_the_file_at_start_only()
    {
        Write(First, stamp: 1);
        var source = Create(TimeSpan.Zero);
        Write(Second, stamp: 2);
        _clock.Advance(TimeSpan.FromHours(1));
        (await Recognises(source, First)).Should().BeTrue();
        (await Recognises(source, Second)).Should().BeFalse();
    }

    [Fact]
    public void A_negative_interval_is_a_configuration_error()
    {
        var settings = new TrustSettings { ListReloadSeconds = -1 };
        var validation = typeof(TrustHosting).GetNestedType("TrustSettingsValidation", System.Reflection.BindingFlags.NonPublic)!;
        var validator = (Microsoft.Extensions.Options.IValidateOptions<TrustSettings>)Activator.CreateInstance(validation)!;
        var result = validator.Validate(null, settings);
        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("ListReloadSeconds");
    }

    private ReloadingTrustedIssuerList Create(TimeSpan interval)
    {
        var settings = new TrustSettings { ListFile = _file };
        return new ReloadingTrustedIssuerList(settings.BuildList, _file, interval, _clock, _log);
    }

    private void Write(string did, int stamp)
    {
        File.WriteAllText(_file, $$"""{"issuers": [{"did": "{{did}}", "legalName": {"en": "University"}, "country": "BE"}]}""");
        // Distinct write times whatever the file system's timestamp resolution.
        File.SetLastWriteTimeUtc(_file, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(stamp));
    }

    private static async Task<bool> Recognises(ITrustSource source, string did) =>
        (await source.FindAsync(new IssuerClaims { Did = did }, default)).Issuer is not null;

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class ListLogger : ILogger<ReloadingTrustedIssuerList>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
