using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.DataModel;
using VcService.Credentials.Jose;

namespace VcService.Credentials.Verification.Checks;

/// <summary>
/// Recognises the securing mechanism (JWT-VC or an embedded proof) and checks the VC data model
/// basics: context, type, issuer, subject, issuance date.
/// </summary>
public sealed class FormatCheck : IVerificationCheck
{
    public string Name => CheckNames.Format;
    public int Order => 100;

    public Task<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Run(context));

    private CheckResult Run(VerificationContext context)
    {
        switch (context.Input)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var compact = value.GetValue<string>().Trim();
                // The header's typ tells the two JOSE forms apart: vc+jwt (VC 2.0, payload = credential) or a JWT-VC (VC 1.1, vc claim).
                var vcJwt = VcJwt.IsVcJwt(compact);
                var parsed = vcJwt ? VcJwt.Parse(compact) : JwtVc.Parse(compact);
                if (!parsed.Success)
                    return CheckResult.Failed(Name, vcJwt ? $"Not a valid vc+jwt (VC-JOSE-COSE): {parsed.Error}" : $"Not a valid JWT-VC: {parsed.Error}");
                context.Format = vcJwt ? CredentialFormats.VcJwt : CredentialFormats.Jwt;
                context.CompactJws = compact;
                context.Credential = parsed.Credential;
                break;
            case JsonObject obj:
                context.Format = CredentialFormats.DataIntegrity;
                context.Credential = obj;
                break;
            default:
                return CheckResult.Failed(Name, "A credential is a compact JWT string or a JSON object.");
        }

        if (context.Format == CredentialFormats.Jwt && CredentialDocument.GetVersionContext(context.Credential!) == VcContexts.V2)
        {
            // VC-JOSE-COSE §3.1.1: a VC 2.0 credential secured with JOSE is a vc+jwt, not a JWT-VC with a vc claim.
            return CheckResult.Failed(Name, "Not a valid JWT-VC: the vc claim holds a VC Data Model 2.0 credential, which is secured as 'vc+jwt' (header typ 'vc+jwt', payload = the credential).");
        }

        var problems = DataModelProblems(context.Credential!);
        context.IssuerDid = CredentialDocument.GetIssuerId(context.Credential!);
        return problems.Count == 0
            ? CheckResult.Ok(Name, $"Well-formed verifiable credential ({Describe(context.Format)}).")
            : CheckResult.Failed(Name, "Not a valid verifiable credential: " + string.Join("; ", problems) + ".");
    }

    private static string Describe(string? format) => format switch
    {
        CredentialFormats.Jwt => "VC Data Model 1.1 JWT",
        CredentialFormats.VcJwt => "VC-JOSE-COSE vc+jwt",
        _ => "JSON-LD with embedded proof",
    };

    /// <summary>VC Data Model 1.1 §4 / 2.0 §4 conformance problems, each naming the property.</summary>
    public static List<string> DataModelProblems(JsonObject credential)
    {
        var problems = new List<string>();
        var version = CredentialDocument.GetVersionContext(credential);
        if (version is not (VcContexts.V1 or VcContexts.V2))
            problems.Add($"@context must start with '{VcContexts.V1}' or '{VcContexts.V2}'");
        if (!CredentialDocument.GetTypes(credential).Contains(VcContexts.VerifiableCredential))
            problems.Add("type must include 'VerifiableCredential'");
        var issuer = CredentialDocument.GetIssuerId(credential);
        if (issuer is null)
            problems.Add("issuer (a URL, or an object with an id) is missing");
        else if (!Uri.TryCreate(issuer, UriKind.Absolute, out _))
            problems.Add("issuer must be a URL");
        if (credential["credentialSubject"] is not (JsonObject or JsonArray))
            problems.Add("credentialSubject is missing");
        if (version == VcContexts.V1)
        {
            if (!CredentialDocument.TryParseDateTime(CredentialDocument.GetString(credential, "issuanceDate"), out _))
                problems.Add("issuanceDate is missing or not an XML Schema dateTime");
            if (credential.ContainsKey("expirationDate") && !CredentialDocument.TryParseDateTime(CredentialDocument.GetString(credential, "expirationDate"), out _))
                problems.Add("expirationDate is not an XML Schema dateTime");
        }
        else if (version == VcContexts.V2)
        {
            foreach (var name in new[] { "validFrom", "validUntil" })
                if (credential.ContainsKey(name) && !CredentialDocument.TryParseDateTime(CredentialDocument.GetString(credential, name), out _))
                    problems.Add($"{name} is not an XML Schema dateTime");
        }
        return problems;
    }
}
