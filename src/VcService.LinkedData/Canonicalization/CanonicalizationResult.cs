using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Canonicalization;

/// <summary>The output of RDFC-1.0 (§4.4.3 step 7 and the issued identifiers map of step 6).</summary>
public sealed class CanonicalizationResult
{
    internal CanonicalizationResult(string canonicalNQuads, IReadOnlyList<Quad> canonicalQuads, IReadOnlyDictionary<string, string> issuedIdentifiers)
    {
        CanonicalNQuads = canonicalNQuads;
        CanonicalQuads = canonicalQuads;
        IssuedIdentifiers = issuedIdentifiers;
    }

    /// <summary>The canonical N-Quads document: sorted lines, each ending in <c>"\n"</c>.</summary>
    public string CanonicalNQuads { get; }

    /// <summary>The normalized dataset with canonical blank node labels, in the order of <see cref="CanonicalNQuads"/>.</summary>
    public IReadOnlyList<Quad> CanonicalQuads { get; }

    /// <summary>Input blank node label (without <c>_:</c>) → canonical label (<c>c14nN</c>).</summary>
    public IReadOnlyDictionary<string, string> IssuedIdentifiers { get; }
}
