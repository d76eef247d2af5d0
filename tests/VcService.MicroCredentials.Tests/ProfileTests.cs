using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.MicroCredentials.Tests;

public class ProfileTests
{
    private static HeiRecordValidation Deqar(Action<JsonObject> mutate)
    {
        var b = TestData.Valid();
        mutate(b);
        return HeiRecordValidator.Validate(b, ValidationProfile.Deqar);
    }

    [Fact]
    public void ByName_finds_profiles()
    {
        ValidationProfile.ByName("deqar").Should().BeSameAs(ValidationProfile.Deqar);
        ValidationProfile.ByName("DEFAULT").Should().BeSameAs(ValidationProfile.Default);
        ValidationProfile.ByName("nope").Should().BeNull();
    }

    [Fact]
    public void Deqar_accepts_a_5_ects_eqf7_record() => Deqar(_ => { }).Errors.Should().BeEmpty();

    [Theory]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(0.5)]
    public void Deqar_refuses_ects_outside_1_to_59(double ects)
    {
        var v = Deqar(b => b["workload"] = new JsonObject { ["ects"] = ects });
        v.IsValid.Should().BeFalse();
        v.Errors.Select(e => e.Path).Should().Contain("workload.ects");
        HeiRecordValidator.Validate(TestData.Valid().Also(b => b["workload"] = new JsonObject { ["ects"] = ects })).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Deqar_accepts_59_5_ects() => Deqar(b => b["workload"] = new JsonObject { ["ects"] = 59.5 }).Errors.Should().BeEmpty();

    [Fact]
    public void Deqar_requires_ects() => Deqar(b => b["workload"] = new JsonObject { ["hours"] = 30 }).Errors.Select(e => e.Path).Should().Contain("workload.ects");

    [Fact]
    public void Deqar_refuses_eqf_4_without_cycle()
        => Deqar(b => b["level"] = new JsonObject { ["eqf"] = 4 }).Errors.Select(e => e.Path).Should().Contain("level");

    [Fact]
    public void Deqar_accepts_a_cycle_alone() => Deqar(b => b["level"] = new JsonObject { ["qfEheaCycle"] = "short" }).Errors.Should().BeEmpty();

    [Fact]
    public void Deqar_refuses_not_applicable_level()
        => Deqar(b => b["level"] = new JsonObject { ["notApplicable"] = true }).Errors.Select(e => e.Path).Should().Contain("level");
}

internal static class JsonTestExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> f) { f(o); return o; }
}
