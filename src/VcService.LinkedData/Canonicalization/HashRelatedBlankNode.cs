namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// Hash Related Blank Node (RDFC-1.0 §4.7, https://www.w3.org/TR/rdf-canon/#hash-related-blank-node):
/// hashes a blank node related to the one being hashed by its position, the predicate and the best
/// identifier available for it.
/// </summary>
internal static class HashRelatedBlankNode
{
    public static string Hash(CanonicalizationState state, int related, EncodedQuad quad, IdentifierIssuer issuer, byte position)
    {
        var input = state.Scratch;
        input.Clear();
        // 1) Initialize a string input to the value of position.
        input.Add(position);
        // 2) If position is not g, append <, the value of the predicate in quad, and > to input.
        if (position != (byte)'g')
        {
            input.Add(quad.PredicateRaw);
        }
        // 3) Identifier: the canonical identifier of related if issued, else the one issued by
        //    issuer, else the Hash First Degree Quads result for related.  4) Append it to input.
        if (state.CanonicalIssuer.HasIssued(related))
        {
            state.CanonicalIssuer.AppendLabel(input, state.CanonicalIssuer.IssuedNumber(related));
        }
        else if (issuer.HasIssued(related))
        {
            issuer.AppendLabel(input, issuer.IssuedNumber(related));
        }
        else
        {
            input.AddUtf8(state.FirstDegreeHashes[related]);
        }
        // 5) Return the hash of input.
        return state.HashToHex(input.Span);
    }
}
