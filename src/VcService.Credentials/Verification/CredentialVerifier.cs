using System.Text.Json.Nodes;

namespace VcService.Credentials.Verification;

/// <summary>
/// Runs the ordered checks over one credential and assembles the report. Checks after a failed
/// format check are reported as skipped: there is nothing trustworthy to check them on.
/// </summary>
public sealed class CredentialVerifier(IEnumerable<IVerificationCheck> checks, TimeProvider timeProvider)
{
    private static readonly string[] Required = [CheckNames.Format, CheckNames.Signature, CheckNames.Validity];
    private readonly IReadOnlyList<IVerificationCheck> _checks = checks.OrderBy(c => c.Order).ToList();

    public async Task<VerificationReport> VerifyAsync(JsonNode input, CancellationToken cancellationToken)
    {
        var context = new VerificationContext(input, timeProvider.GetUtcNow());
        var results = new List<CheckResult>(_checks.Count);
        foreach (var check in _checks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.FormatFailed && check.Name != CheckNames.Format)
            {
                results.Add(CheckResult.Skipped(check.Name, "Not checked: the input is not a credential in a supported format."));
                continue;
            }
            var result = await check.RunAsync(context, cancellationToken);
            if (result.Check == CheckNames.Format && result.Status != CheckStatus.Ok)
                context.FormatFailed = true;
            results.Add(result);
        }

        var verified = results.All(r => r.Status != CheckStatus.Failed)
            && Required.All(name => results.Any(r => r.Check == name && r.Status == CheckStatus.Ok));
        return new VerificationReport
        {
            Verified = verified,
            IssuerRecognised = context.Issuer?.Recognised == true,
            Issuer = context.Issuer,
            Format = context.Format,
            Profile = context.Profile,
            IssuerDid = context.IssuerDid,
            Checks = results,
            AnnexI = context.AnnexI,
            Credential = context.Credential,
        };
    }
}
