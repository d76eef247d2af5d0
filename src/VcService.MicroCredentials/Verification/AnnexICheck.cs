using VcService.Credentials.DataModel;
using VcService.Credentials.Verification;

namespace VcService.MicroCredentials.Verification;

/// <summary>
/// Reads the credential back into the Annex I view and reports which mandatory elements are
/// missing. Credentials of a profile this service does not read are skipped, not failed: they are
/// valid credentials, just not micro-credentials we can judge.
/// </summary>
public sealed class AnnexICheck : IVerificationCheck
{
    public const string ElmCredentialType = "EuropeanDigitalCredential";

    public string Name => CheckNames.AnnexI;
    public int Order => 600;

    public Task<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        var credential = context.Credential!;
        if (!CredentialDocument.GetTypes(credential).Contains(ElmCredentialType))
            return Task.FromResult(CheckResult.Skipped(Name, "Not a micro-credential profile this service reads (expected an ELM EuropeanDigitalCredential)."));

        context.Profile = "elm";
        var result = ElmReader.Read(credential);
        context.AnnexI = result.View;
        if (!result.IsComplete)
        {
            var missing = string.Join("; ", result.Missing.Select(m => $"{m.Path}: {m.Message}"));
            return Task.FromResult(CheckResult.Failed(Name, $"Annex I elements missing or malformed: {missing}."));
        }
        return Task.FromResult(CheckResult.Ok(Name, "All mandatory Annex I elements are present."));
    }
}
