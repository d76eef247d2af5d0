using System.Text.Json.Nodes;
using VcService.Credentials.DataModel;
using VcService.Credentials.Verification;

namespace VcService.MicroCredentials.Verification;

/// <summary>
/// Reads the credential back into the Annex I view with the reader of its profile (<c>elm</c>:
/// EuropeanDigitalCredential; <c>obv3</c>: OpenBadgeCredential/AchievementCredential whose achievement
/// has achievementType MicroCredential) and reports which mandatory elements are missing. Credentials of
/// a profile this service does not read are skipped, not failed: they are valid credentials, just not
/// micro-credentials we can judge.
/// </summary>
public sealed class AnnexICheck : IVerificationCheck
{
    public const string ElmCredentialType = "EuropeanDigitalCredential";
    public const string ElmProfile = "elm";
    public const string Obv3Profile = "obv3";

    public string Name => CheckNames.AnnexI;
    public int Order => 600;

    public Task<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        var credential = context.Credential!;
        var (profile, read) = Dispatch(credential);
        if (profile is null)
            return Task.FromResult(CheckResult.Skipped(Name,
                "Not a micro-credential profile this service reads (expected an ELM EuropeanDigitalCredential or an Open Badges 3.0 OpenBadgeCredential with achievementType MicroCredential)."));

        context.Profile = profile;
        var result = read!(credential);
        context.AnnexI = result.View;
        if (!result.IsComplete)
        {
            var missing = string.Join("; ", result.Missing.Select(m => $"{m.Path}: {m.Message}"));
            return Task.FromResult(CheckResult.Failed(Name, $"Annex I elements missing or malformed: {missing}."));
        }
        return Task.FromResult(CheckResult.Ok(Name, "All mandatory Annex I elements are present."));
    }

    /// <summary>The profile of a credential and its reader; (null, null) for a profile we do not read.</summary>
    public static (string? Profile, Func<JsonObject, AnnexIViewResult>? Read) Dispatch(JsonObject credential)
    {
        if (CredentialDocument.GetTypes(credential).Contains(ElmCredentialType)) return (ElmProfile, ElmReader.Read);
        if (Obv3Reader.IsMicroCredential(credential)) return (Obv3Profile, Obv3Reader.Read);
        return (null, null);
    }
}
