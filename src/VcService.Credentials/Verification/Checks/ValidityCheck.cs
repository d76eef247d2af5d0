using VcService.Credentials.DataModel;

namespace VcService.Credentials.Verification.Checks;

/// <summary>
/// The validity period: <c>issuanceDate</c>/<c>expirationDate</c> (VC 1.1) or
/// <c>validFrom</c>/<c>validUntil</c> (VC 2.0) against the verifier's clock, with a small skew
/// allowance for clocks that disagree.
/// </summary>
public sealed class ValidityCheck(TimeSpan clockSkew) : IVerificationCheck
{
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(5);

    public ValidityCheck() : this(DefaultClockSkew) { }

    public string Name => CheckNames.Validity;
    public int Order => 500;

    public Task<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        var credential = context.Credential!;
        var v2 = CredentialDocument.GetVersionContext(credential) == VcContexts.V2;
        var fromName = v2 ? "validFrom" : "issuanceDate";
        var untilName = v2 ? "validUntil" : "expirationDate";
        var fromText = CredentialDocument.GetString(credential, fromName);
        var untilText = CredentialDocument.GetString(credential, untilName);

        if (fromText is not null)
        {
            if (!CredentialDocument.TryParseDateTime(fromText, out var from))
                return Done(CheckResult.Failed(Name, $"{fromName} '{fromText}' is not a valid date-time."));
            if (from > context.Now + clockSkew)
                return Done(CheckResult.Failed(Name, $"The credential is not valid yet: {fromName} is {fromText}."));
        }
        if (untilText is not null)
        {
            if (!CredentialDocument.TryParseDateTime(untilText, out var until))
                return Done(CheckResult.Failed(Name, $"{untilName} '{untilText}' is not a valid date-time."));
            if (until <= context.Now - clockSkew)
                return Done(CheckResult.Failed(Name, $"The credential has expired: {untilName} was {untilText}."));
        }
        var message = untilText is null
            ? $"Valid from {fromText ?? "(no start date)"}, no expiry."
            : $"Valid from {fromText ?? "(no start date)"} until {untilText}.";
        return Done(CheckResult.Ok(Name, message));
    }

    private static Task<CheckResult> Done(CheckResult result) => Task.FromResult(result);
}
