using VcService.Credentials.Verification;

namespace VcService.MicroCredentials.Trust;

/// <summary>
/// Recognises issuers from the imported DEQAR institution data. The credential names its
/// institution (DEQAR id, ETER id, legal identifiers) but those are claims anyone can write; the
/// DID is what the signature proves. So a DEQAR institution is accepted only when the issuer's
/// did:web host lies under the institution's website domain (<see cref="DidWebDomain"/>);
/// otherwise the report says which institution was claimed and why it was not accepted.
/// Issuers on other DID methods (did:key, did:jwk) cannot be bound this way: the operator lists them.
/// </summary>
public sealed class DeqarTrustSource(IDeqarRegister register) : ITrustSource
{
    public int Order => 300;

    public async Task<TrustSourceAnswer> FindAsync(IssuerClaims claims, CancellationToken cancellationToken)
    {
        if (claims.DeqarIds.Count == 0 && claims.Identifiers.Count == 0)
            return TrustSourceAnswer.None;

        var candidates = new List<DeqarInstitution>();
        foreach (var deqarId in claims.DeqarIds)
            if (await register.FindByDeqarIdAsync(deqarId, cancellationToken) is { } found)
                Add(candidates, found);
        foreach (var identifier in claims.Identifiers)
            foreach (var found in await register.FindByIdentifierAsync(identifier.Value, cancellationToken))
                Add(candidates, found);
        if (candidates.Count == 0)
            return TrustSourceAnswer.None;

        var host = DidWebDomain.HostOf(claims.Did);
        var bound = host is null ? [] : candidates.Where(c => c.WebsiteLink is not null && DidWebDomain.IsUnder(host, c.WebsiteLink)).ToList();
        if (bound.Count == 0)
        {
            var claimed = string.Join("; ", candidates.Take(3).Select(c => $"{c.NamePrimary} ({c.DeqarId}{(c.WebsiteLink is null ? "" : ", " + c.WebsiteLink)})"));
            return TrustSourceAnswer.Refused(host is null
                ? $"The credential names the DEQAR institution {claimed}, but its issuer DID is not a did:web DID that could be tied to that institution's website; the operator can add the DID to the trusted issuer list."
                : $"The credential names the DEQAR institution {claimed}, but the issuer's DID host '{host}' is not under that institution's website domain, so it is not treated as that institution.");
        }
        // Several institutions under one domain: prefer the one the credential names by DEQAR id.
        var institution = bound.FirstOrDefault(c => claims.DeqarIds.Contains(c.DeqarId)) ?? bound[0];
        var import = await register.GetImportInfoAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = institution.NamePrimary };
        return TrustSourceAnswer.Found(new RecognisedIssuer
        {
            Did = claims.Did,
            Kind = RecognitionKinds.Deqar,
            LegalName = names,
            Country = institution.Country,
            DeqarId = institution.DeqarId,
            Source = import is null
                ? "DEQAR institution data"
                : $"DEQAR institution data ({import.Source}, imported {Credentials.DataModel.CredentialDocument.FormatDateTime(import.ImportedAt)}); DID host under {institution.WebsiteLink}",
        });
    }

    private static void Add(List<DeqarInstitution> list, DeqarInstitution institution)
    {
        if (!list.Any(i => i.DeqarId == institution.DeqarId))
            list.Add(institution);
    }
}
