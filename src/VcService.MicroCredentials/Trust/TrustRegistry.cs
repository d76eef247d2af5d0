namespace VcService.MicroCredentials.Trust;

/// <summary>The registry's answer for one issuer: recognised (and how), or not (with the notes of near misses).</summary>
public sealed record TrustLookup(RecognisedIssuer? Issuer, string? Note)
{
    public bool Recognised => Issuer is not null;
}

/// <summary>
/// The trust registry for verifiers (issue #6 item 4): asks its sources in order — this
/// deployment's own tenants, the operator's trusted issuer list, imported DEQAR institution data —
/// and reports the first that recognises the issuer's DID.
/// </summary>
public sealed class TrustRegistry(IEnumerable<ITrustSource> sources)
{
    private readonly IReadOnlyList<ITrustSource> _sources = sources.OrderBy(s => s.Order).ToList();

    public async Task<TrustLookup> LookupAsync(IssuerClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var notes = new List<string>();
        foreach (var source in _sources)
        {
            var answer = await source.FindAsync(claims, cancellationToken);
            if (answer.Issuer is not null)
                return new TrustLookup(answer.Issuer, null);
            if (answer.Note is not null)
                notes.Add(answer.Note);
        }
        return new TrustLookup(null, notes.Count == 0 ? null : string.Join(" ", notes));
    }
}
