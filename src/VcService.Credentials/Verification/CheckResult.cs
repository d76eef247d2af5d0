using System.Text.Json.Serialization;

namespace VcService.Credentials.Verification;

[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    [JsonStringEnumMemberName("ok")] Ok,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("skipped")] Skipped,
}

/// <summary>The names of the checks of the verification report (DESIGN §6), in pipeline order.</summary>
public static class CheckNames
{
    public const string Format = "format";
    public const string Signature = "signature";
    public const string Issuer = "issuer";
    public const string Status = "status";
    public const string Validity = "validity";
    public const string AnnexI = "annexI";
    public const string Holder = "holder";
}

/// <summary>One entry of the report: what was checked, the outcome, and a message a person can act on.</summary>
public sealed record CheckResult(string Check, CheckStatus Status, string Message)
{
    public static CheckResult Ok(string check, string message) => new(check, CheckStatus.Ok, message);
    public static CheckResult Failed(string check, string message) => new(check, CheckStatus.Failed, message);
    public static CheckResult Skipped(string check, string message) => new(check, CheckStatus.Skipped, message);
}
