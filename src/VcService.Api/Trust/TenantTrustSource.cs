using VcService.Api.Tenants;
using VcService.Credentials.Verification;
using VcService.MicroCredentials.Trust;
using VcService.Storage.Abstractions;

namespace VcService.Api.Trust;

/// <summary>
/// This deployment's own issuer tenants are recognised (the operator registered them). Their DEQAR
/// id is the tenant's <c>DeqarId</c>, or the DEQAR institution that one of the tenant's legal
/// identifiers (national, VAT, eIDAS, ETER) matches unambiguously in the imported data.
/// </summary>
public sealed class TenantTrustSource(TenantDids dids, ITenantStore tenants, IDeqarRegister deqar) : ITrustSource
{
    public int Order => 100;

    public async Task<TrustSourceAnswer> FindAsync(IssuerClaims claims, CancellationToken cancellationToken)
    {
        if (dids.TenantIdOf(claims.Did) is not { } tenantId || await tenants.GetAsync(tenantId, cancellationToken) is not { } tenant)
            return TrustSourceAnswer.None;

        var deqarId = DeqarIds.Normalize(tenant.DeqarId);
        DeqarInstitution? listed = deqarId is null ? null : await deqar.FindByDeqarIdAsync(deqarId, cancellationToken);
        if (deqarId is null)
        {
            var identifiers = tenant.LegalIdentifiers.Values.Append(tenant.LegalIdentifier)
                .Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim()).Distinct(StringComparer.Ordinal);
            foreach (var identifier in identifiers)
            {
                if (await deqar.FindByIdentifierAsync(identifier, cancellationToken) is not { Count: 1 } matches)
                    continue;
                listed = matches[0];
                deqarId = listed.DeqarId;
                break;
            }
        }
        return TrustSourceAnswer.Found(new RecognisedIssuer
        {
            Did = claims.Did,
            Kind = RecognitionKinds.Tenant,
            LegalName = tenant.LegalName,
            Country = tenant.Country,
            DeqarId = deqarId,
            Source = $"issuer tenant '{tenant.Id}' of this service" + (listed is null ? "" : $"; in the imported DEQAR data as {listed.NamePrimary}"),
        });
    }
}
