namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// Hash N-Degree Quads (RDFC-1.0 §4.8, https://www.w3.org/TR/rdf-canon/#hash-nd-quads): hashes a
/// blank node by the paths to its related blank nodes, choosing the lexicographically least path
/// over all permutations, recursively. Exponential in the worst case, hence the work limits.
/// </summary>
internal static class HashNDegreeQuads
{
    public readonly record struct Result(string Hash, IdentifierIssuer Issuer);

    public static Result Hash(CanonicalizationState state, int identifier, IdentifierIssuer issuer)
    {
        // Deviation: the spec sets no bound; a poisoned dataset would run for ever (§6).
        if (state.RemainingDeepIterations <= 0)
        {
            throw new RdfcWorkLimitExceededException("MaxDeepIterations", state.DeepIterationLimit);
        }
        state.RemainingDeepIterations--;

        // 1) Create a hash to related blank nodes map.
        // 2) Get the quads for identifier.  3) For each quad and each component that is a blank node
        //    other than identifier: 3.1.1) hash it with Hash Related Blank Node, position s, o or g;
        //    3.1.2) add the hash → related mapping.
        var hashToRelated = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (int q in state.QuadsOf[identifier])
        {
            var quad = state.Quads[q];
            AddRelated(quad.S, (byte)'s');
            AddRelated(quad.O, (byte)'o');
            AddRelated(quad.G, (byte)'g');

            void AddRelated(int related, byte position)
            {
                if (related < 0 || related == identifier)
                {
                    return;
                }
                string hash = HashRelatedBlankNode.Hash(state, related, quad, issuer, position);
                if (!hashToRelated.TryGetValue(hash, out var list))
                {
                    hashToRelated.Add(hash, list = []);
                }
                list.Add(related);
            }
        }

        // 4) Create an empty string, data to hash.
        using var dataToHash = new ByteBuffer(256);
        using var path = new ByteBuffer(256);

        // 5) For each related hash → blank node list, in code point order of related hash:
        var hashes = hashToRelated.Keys.ToArray();
        Array.Sort(hashes, StringComparer.Ordinal);
        foreach (string relatedHash in hashes)
        {
            // 5.1) Append the related hash to the data to hash.
            dataToHash.AddUtf8(relatedHash);
            // 5.2) Create a string chosen path.  5.3) Create an unset chosen issuer variable.
            byte[]? chosenPath = null;
            IdentifierIssuer? chosenIssuer = null;

            // 5.4) For each permutation of blank node list:
            var permuter = new Permuter(hashToRelated[relatedHash], state.Labels);
            var permutation = new int[permuter.Count];
            var recursionList = new List<int>();
            while (permuter.TryNext(permutation))
            {
                if (--state.RemainingPermutations < 0)
                {
                    throw new RdfcWorkLimitExceededException("MaxPermutations", state.Options.MaxPermutations);
                }
                // 5.4.1) Create a copy of issuer, issuer copy.  5.4.2) Create a string path.
                var issuerCopy = issuer.Clone();
                path.Clear();
                // 5.4.3) Create a recursion list.
                recursionList.Clear();
                bool skip = false;

                // 5.4.4) For each related in permutation:
                foreach (int related in permutation)
                {
                    // 5.4.4.1) If a canonical identifier has been issued for related, append it to path.
                    if (state.CanonicalIssuer.HasIssued(related))
                    {
                        state.CanonicalIssuer.AppendLabel(path, state.CanonicalIssuer.IssuedNumber(related));
                    }
                    else
                    {
                        // 5.4.4.2.1) If issuer copy has not issued an identifier for related, append
                        //            related to recursion list.
                        if (!issuerCopy.HasIssued(related))
                        {
                            recursionList.Add(related);
                        }
                        // 5.4.4.2.2) Issue an identifier for related with issuer copy; append it to path.
                        issuerCopy.AppendLabel(path, issuerCopy.Issue(related));
                    }
                    // 5.4.4.3) If chosen path is not empty and path is longer or as long and greater,
                    //          skip to the next permutation.
                    // Deviation: only the code point comparison; a greater path can never become
                    // smaller by appending, so the length test is redundant (as in rdf-canonize).
                    if (chosenPath is not null && path.Span.SequenceCompareTo(chosenPath) > 0)
                    {
                        skip = true;
                        break;
                    }
                }
                if (skip)
                {
                    continue;
                }

                // 5.4.5) For each related in recursion list:
                foreach (int related in recursionList)
                {
                    // 5.4.5.1) Recurse with related and issuer copy.
                    var result = Hash(state, related, issuerCopy);
                    // 5.4.5.2) Issue an identifier for related with issuer copy; append it to path.
                    issuerCopy.AppendLabel(path, issuerCopy.Issue(related));
                    // 5.4.5.3) Append <, the hash in result, and > to path.
                    path.Add((byte)'<');
                    path.AddUtf8(result.Hash);
                    path.Add((byte)'>');
                    // 5.4.5.4) Set issuer copy to the identifier issuer in result.
                    issuerCopy = result.Issuer;
                    // 5.4.5.5) Same early exit as 5.4.4.3.
                    if (chosenPath is not null && path.Span.SequenceCompareTo(chosenPath) > 0)
                    {
                        skip = true;
                        break;
                    }
                }
                if (skip)
                {
                    continue;
                }

                // 5.4.6) If chosen path is empty or path is less than chosen path, choose path and issuer copy.
                if (chosenPath is null || path.Span.SequenceCompareTo(chosenPath) < 0)
                {
                    chosenPath = path.Span.ToArray();
                    chosenIssuer = issuerCopy;
                }
            }

            // 5.5) Append chosen path to data to hash.
            dataToHash.Add(chosenPath);
            // 5.6) Replace issuer, by reference, with chosen issuer.
            issuer = chosenIssuer!;
        }

        // 6) Return issuer and the hash of data to hash.
        return new Result(state.HashToHex(dataToHash.Span), issuer);
    }
}
