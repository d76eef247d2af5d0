using FluentAssertions;
using Microsoft.Extensions.Configuration;
using VcService.Api.Configuration;

namespace VcService.Storage.Tests;

public sealed class StorageOptionsTests
{
    private static StorageOptions Read(params (string Key, string Value)[] settings) =>
        StorageOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Sqlite_is_the_default() => Read().Provider.Should().Be("sqlite");

    [Theory]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    public void Postgres_takes_the_storage_connection_string(string provider)
    {
        var options = Read(("VcService:Storage:Provider", provider), ("VcService:Storage:ConnectionString", "Host=a"), ("ConnectionStrings:VcService", "Host=b"));
        options.Provider.Should().Be("postgres");
        options.ConnectionString.Should().Be("Host=a");
    }

    [Fact]
    public void Postgres_falls_back_to_ConnectionStrings_VcService() =>
        Read(("VcService:Storage:Provider", "postgres"), ("ConnectionStrings:VcService", "Host=b")).ConnectionString.Should().Be("Host=b");

    [Fact]
    public void Postgres_without_a_connection_string_stops_start_up() =>
        FluentActions.Invoking(() => Read(("VcService:Storage:Provider", "postgres"))).Should().Throw<InvalidOperationException>()
            .WithMessage("*ConnectionString*ConnectionStrings:VcService*");

    [Fact]
    public void An_unknown_provider_stops_start_up() =>
        FluentActions.Invoking(() => Read(("VcService:Storage:Provider", "mysql"))).Should().Throw<InvalidOperationException>()
            .WithMessage("*'mysql' is not known*");
}
