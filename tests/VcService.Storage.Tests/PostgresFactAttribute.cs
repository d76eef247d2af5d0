using Xunit.Abstractions;
using Xunit.Sdk;

namespace VcService.Storage.Tests;

/// <summary>A test that needs the PostgreSQL test cluster: skipped, with the reason, when it cannot start.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.Shared.SkipReason is { } reason)
            Skip = reason;
    }
}

/// <summary>Marks a test class whose tests run against PostgreSQL.</summary>
public interface IRunsOnPostgres;

/// <summary>
/// A contract test, written once in an abstract base class and run by one subclass per provider.
/// In a subclass marked <see cref="IRunsOnPostgres"/> it is skipped, with the reason, when the
/// PostgreSQL test cluster cannot start.
/// </summary>
[XunitTestCaseDiscoverer("VcService.Storage.Tests.ContractFactDiscoverer", "VcService.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute;

public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var reason = type is not null && typeof(IRunsOnPostgres).IsAssignableFrom(type) ? PostgresCluster.Shared.SkipReason : null;
        yield return reason is null
            ? new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)
            : new SkippedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
    }
}

/// <summary>A test case skipped for a reason found at discovery (kept when the runner serializes it).</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase() { }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string reason)
        : base(sink, display, displayOptions, testMethod) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("SkipReason");
        base.Deserialize(data);
    }
}
