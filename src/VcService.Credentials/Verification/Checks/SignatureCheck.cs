using VcService.Credentials.DataIntegrity;
using VcService.Credentials.Dids;
using VcService.Credentials.Jose;

namespace VcService.Credentials.Verification.Checks;

/// <summary>
/// Finds the key the issuer published for the signature (resolving the issuer's DID) and verifies
/// the signature with the algorithm that key type allows.
/// </summary>
public sealed class SignatureCheck(CompositeDidResolver resolver) : IVerificationCheck
{
    public string Name => CheckNames.Signature;
    public int Order => 200;

    public async Task<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        return context.Format switch
        {
            CredentialFormats.Jwt => await VerifyJwtAsync(context, cancellationToken),
            CredentialFormats.DataIntegrity => await VerifyDataIntegrityAsync(context, cancellationToken),
            _ => CheckResult.Failed(Name, "The credential carries no proof this verifier supports (expected a JWT-VC or a Data Integrity proof)."),
        };
    }

    private async Task<CheckResult> VerifyJwtAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        var parsed = JwtVc.Parse(context.CompactJws!);
        if (string.IsNullOrEmpty(parsed.Kid))
            return CheckResult.Failed(Name, "The JWT header has no 'kid' naming the issuer's verification method.");
        var method = await FindIssuerMethodAsync(context, parsed.Kid, cancellationToken);
        if (method.Error is not null)
            return CheckResult.Failed(Name, method.Error);

        var result = JwtVc.VerifySignature(context.CompactJws!, method.Method!.PublicKey);
        if (!result.Valid)
            return CheckResult.Failed(Name, $"The JWT signature is not valid: {result.Error}");
        context.SigningMethod = method.Method;
        if (parsed.Payload["iat"] is System.Text.Json.Nodes.JsonValue iat && iat.TryGetValue<long>(out var seconds))
            context.SignedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (RevokedKeyError(method.Method, context.SignedAt ?? IssuanceTime(context)) is { } revoked)
            return CheckResult.Failed(Name, revoked);
        return CheckResult.Ok(Name, $"Signed ({parsed.Alg}) by {method.Method.Id}.");
    }

    /// <summary>
    /// Data Integrity proofs (VC Data Integrity 1.0): every proof must verify, with a verification
    /// method of the issuer's DID listed under assertionMethod.
    /// </summary>
    private async Task<CheckResult> VerifyDataIntegrityAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        var methods = new Dictionary<string, VerificationMethod>(StringComparer.Ordinal);
        async Task<KeyLookupResult> ResolveIssuerKeyAsync(string methodId, CancellationToken ct)
        {
            var found = await FindIssuerMethodAsync(context, methodId, ct);
            if (found.Method is null)
                return KeyLookupResult.NotFound(found.Error ?? "not found");
            methods[methodId] = found.Method;
            return KeyLookupResult.Found(found.Method.PublicKey);
        }

        var options = new DataIntegrityVerifyOptions { Now = context.Now, ExpectedProofPurpose = ProofPurposes.AssertionMethod };
        var result = await DataIntegrity.DataIntegrity.VerifyAsync(context.Credential!, ResolveIssuerKeyAsync, options, cancellationToken);
        if (!result.Verified)
        {
            var failed = result.Proofs.FirstOrDefault(p => !p.Verified);
            var which = failed?.Cryptosuite is null ? "" : $" ({failed.Cryptosuite}{(failed.VerificationMethod is null ? "" : $", {CompositeDidResolver.Truncate(failed.VerificationMethod)}")})";
            return CheckResult.Failed(Name, $"The Data Integrity proof{which} is not valid: {result.Error}.");
        }
        foreach (var proof in result.Proofs)
            if (methods.GetValueOrDefault(proof.VerificationMethod!) is { } signer
                && RevokedKeyError(signer, proof.Created ?? IssuanceTime(context)) is { } revoked)
                return CheckResult.Failed(Name, revoked);
        var first = result.Proofs[0];
        context.SigningMethod = methods.GetValueOrDefault(first.VerificationMethod!);
        context.SignedAt = first.Created;
        var signers = string.Join("; ", result.Proofs.Select(p => $"{p.Cryptosuite} by {p.VerificationMethod}"));
        return CheckResult.Ok(Name, result.Proofs.Count == 1
            ? $"Signed (Data Integrity, {signers})."
            : $"Signed (Data Integrity, {result.Proofs.Count} proofs: {signers}).");
    }

    /// <summary>
    /// A retired (revoked) key verifies only what it signed before its revocation instant
    /// (Controlled Identifiers 1.0 §2.2.1 <c>revoked</c>); null when the key may be relied on.
    /// </summary>
    public static string? RevokedKeyError(VerificationMethod method, DateTimeOffset? signedAt)
    {
        if (method.Revoked is not { } revoked)
            return null;
        if (signedAt is { } at && at < revoked)
            return null;
        var since = revoked == DateTimeOffset.MinValue ? "with an unreadable revocation time" : $"revoked from {DataModel.CredentialDocument.FormatDateTime(revoked)}";
        return signedAt is { } when
            ? $"The signing key {method.Id} was retired ({since}): this credential was signed at {DataModel.CredentialDocument.FormatDateTime(when)}, not before the retirement."
            : $"The signing key {method.Id} was retired ({since}) and the credential does not say when it was signed, so it cannot be shown to predate the retirement.";
    }

    /// <summary>The credential's own issuance time (validFrom, or issuanceDate in VC 1.1), when a proof carries none.</summary>
    private static DateTimeOffset? IssuanceTime(VerificationContext context)
    {
        var credential = context.Credential;
        var text = credential?["validFrom"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var validFrom) ? validFrom
            : credential?["issuanceDate"] is System.Text.Json.Nodes.JsonValue i && i.TryGetValue<string>(out var issuanceDate) ? issuanceDate
            : null;
        return DataModel.CredentialDocument.TryParseDateTime(text, out var at) ? at : null;
    }

    /// <summary>Resolves the DID of a verification method and checks that the issuer controls it and may assert with it.</summary>
    public async Task<(VerificationMethod? Method, string? Error)> FindIssuerMethodAsync(VerificationContext context, string methodId, CancellationToken cancellationToken)
    {
        var (did, fragment) = DidUrl.Split(methodId);
        if (fragment is null)
            return (null, $"The key id '{CompositeDidResolver.Truncate(methodId)}' is not a DID URL with a fragment.");
        if (context.IssuerDid is null || !string.Equals(did, context.IssuerDid, StringComparison.Ordinal))
            return (null, $"The signing key '{CompositeDidResolver.Truncate(methodId)}' does not belong to the issuer '{context.IssuerDid}'.");
        var resolution = await resolver.ResolveAsync(did, cancellationToken);
        if (resolution.Document is null)
            return (null, $"The issuer's DID could not be resolved: {resolution.Error}");
        var method = resolution.Document.FindMethod(methodId);
        if (method is null)
            return (null, $"The issuer's DID document has no verification method '{CompositeDidResolver.Truncate(methodId)}'.");
        if (!resolution.Document.IsAssertionMethod(method.Id))
            return (null, $"The verification method '{method.Id}' is not authorised for assertionMethod.");
        return (method, null);
    }
}
