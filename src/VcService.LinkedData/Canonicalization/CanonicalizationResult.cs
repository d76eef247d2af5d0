using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Canonicalization;

/// <summary>The output of RDFC-1.0 (§4.4.3 step 7 and the issued identifiers map of step 6).</summary>
public sealed class CanonicalizationResult
{
    private readonly Lazy<IReadOnlyList<Quad>> _canonicalQuads;

    internal CanonicalizationResult(string canonicalNQuads, Func<IReadOnlyList<Quad>> canonicalQuads, IReadOnlyDictionary<string, string> issuedIdentifiers)
    {
        CanonicalNQuads = canonicalNQuads;
        _canonicalQuads = new Lazy<IReadOnlyList<Quad>>(canonicalQuads);
        IssuedIdentifiers = issuedIdentifiers;
    }

    /// <summary>The canonical N-Quads document: sorted lines, each ending in <c>"\n"</c>.</summary>
    public string CanonicalNQuads { get; }

    /// <summary>
    /// The normalized dataset with canonical blank node labels, in the order of <see cref="CanonicalNQuads"/>.
    /// Built on first use from the input dataset, which must not have been modified in between.
    /// </summary>
    public IReadOnlyList<Quad> CanonicalQuads => _canonicalQuads.Value;

    /// <summary>Input blank node label (without <c>_:</c>) → canonical label (<c>c14nN</c>).</summary>
    public IReadOnlyDictionary<string, string> IssuedIdentifiers { get; }
}
