using VcService.Credentials.Dids;
using VcService.Credentials.Verification;
using VcService.MicroCredentials.Trust;

namespace VcService.MicroCredentials.Verification;

/// <summary>Options of the issuer check.</summary>
public sealed record IssuerCheckOptions
{
    /// <summary>
    /// When true, an issuer the trust registry does not recognise fails the check (and so
    /// <c>verified</c>). Default false: <c>verified</c> says the credential is authentic, intact,
    /// valid and not revoked; <c>issuerRecognised</c> says separately whether the issuer is known.
    /// </summary>
    public bool RequireRecognisedIssuer { get; init; }
}

/// <summary>
/// The <c>issuer</c> check (DESIGN §6; order 300, after the signature): the issuer's DID must
/// resolve (else failed), and the trust registry says who the issuer legally is and whether it is
/// recognised (tenant, trusted list, DEQAR). The report gets an <c>issuer</c> section and a
/// top-level <c>issuerRecognised</c>. Outcomes:
/// <list type="bullet">
/// <item>DID unresolvable → failed;</item>
/// <item>signature not verified → skipped (a forged credential naming a known DID is never shown as recognised);</item>
/// <item>recognised → ok;</item>
/// <item>not recognised → ok with "not recognised" (failed only with <see cref="IssuerCheckOptions.RequireRecognisedIssuer"/>).</item>
/// </list>
/// </summary>
public sealed class IssuerCheck(CompositeDidResolver resolver, TrustRegistry registry, IssuerCheckOptions? options = null) : IVerificationCheck
{
    private readonly IssuerCheckOptions _options = options ?? new IssuerCheckOptions();

    public string Name => CheckNames.Issuer;
    public int Order => 300;

    public async Task<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        var did = context.IssuerDid;
        if (did is null || !DidUrl.IsDid(did))
        {
            context.Issuer = new IssuerReport { Did = did, Recognised = false, Message = "The issuer is not identified by a DID." };
            return CheckResult.Failed(Name, $"The issuer '{Truncate(did ?? "")}' is not a DID, so it cannot be resolved or recognised.");
        }
        var claims = IssuerClaimsReader.Read(context.Credential!, did);
        var resolution = await resolver.ResolveAsync(did, cancellationToken);
        if (resolution.Document is null)
        {
            context.Issuer = Unrecognised(claims, "The issuer's DID could not be resolved.");
            return CheckResult.Failed(Name, $"The issuer's DID could not be resolved: {resolution.Error}");
        }
        if (context.SigningMethod is null)
        {
            context.Issuer = Unrecognised(claims, "Not looked up: the signature did not verify, so the credential is not known to come from this issuer.");
            return CheckResult.Skipped(Name, "The issuer's DID resolves, but the signature did not verify, so the issuer is not looked up in the trust registry.");
        }

        var lookup = await registry.LookupAsync(claims, cancellationToken);
        if (lookup.Issuer is { } issuer)
        {
            var message = $"Recognised issuer: {DisplayName(issuer.LegalName)} ({issuer.Country}), {Describe(issuer)}.";
            context.Issuer = new IssuerReport
            {
                Did = did,
                LegalName = issuer.LegalName,
                Country = issuer.Country,
                Recognised = true,
                Recognition = issuer.ToRecognition(),
                Claimed = claims.ToView(),
                Message = message,
            };
            return CheckResult.Ok(Name, message);
        }

        var notRecognised = $"The issuer {did} is not recognised: it is not an issuer of this service, not on the trusted issuer list and not matched in the DEQAR data.{(lookup.Note is null ? "" : " " + lookup.Note)}";
        context.Issuer = Unrecognised(claims, notRecognised);
        return _options.RequireRecognisedIssuer
            ? CheckResult.Failed(Name, notRecognised + " This verifier accepts recognised issuers only.")
            : CheckResult.Ok(Name, "The issuer's DID resolves and signed the credential. " + notRecognised);
    }

    private static IssuerReport Unrecognised(IssuerClaims claims, string message) => new()
    {
        Did = claims.Did,
        Recognised = false,
        Claimed = claims.ToView(),
        Message = message,
    };

    private static string Describe(RecognisedIssuer issuer) => issuer.Kind switch
    {
        RecognitionKinds.Tenant => "an issuer of this service" + (issuer.DeqarId is null ? "" : $", DEQAR {issuer.DeqarId}"),
        RecognitionKinds.List => "on the trusted issuer list" + (issuer.Accreditation is null ? "" : $" ({issuer.Accreditation})"),
        RecognitionKinds.Deqar => $"quality-assured institution in DEQAR ({issuer.DeqarId})",
        _ => issuer.Kind,
    };

    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200] + "…";

    private static string DisplayName(IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue("en", out var en) ? en : names.Values.FirstOrDefault() ?? "(no name)";
}
