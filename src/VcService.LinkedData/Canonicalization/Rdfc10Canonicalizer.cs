using System.Buffers;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using System.Text;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, https://www.w3.org/TR/rdf-canon/),
/// §4.4 Canonicalization Algorithm. Produces the canonical N-Quads of a dataset and the issued
/// identifiers map. Step numbers in comments are those of §4.4.3.
/// </summary>
public static class Rdfc10Canonicalizer
{
    /// <summary>Canonicalizes <paramref name="dataset"/> (treated as a set: duplicate quads count once).</summary>
    /// <exception cref="RdfcWorkLimitExceededException">The dataset needs more work than <paramref name="options"/> allow.</exception>
    /// <exception cref="ArgumentException">A quad has a term in a position RDF does not allow (e.g. a literal subject).</exception>
    public static CanonicalizationResult Canonicalize(IReadOnlyList<Quad> dataset, Rdfc10Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var output = new ByteBuffer(16 * 1024);
        var order = new List<int>(dataset.Count);
        var issued = Run(dataset, options ?? Rdfc10Options.Default, output, order);
        return new CanonicalizationResult(
            Encoding.UTF8.GetString(output.Span),
            () => order.Select(index => Relabel(dataset[index], issued)).ToArray(),
            issued);
    }

    /// <summary>
    /// Canonicalizes <paramref name="dataset"/> and writes the canonical N-Quads as UTF-8 to
    /// <paramref name="destination"/> (the bytes a Data Integrity proof hashes), without building a
    /// string: the allocation-free path for large documents when the caller reuses its buffer.
    /// </summary>
    /// <returns>The issued identifiers map.</returns>
    public static IReadOnlyDictionary<string, string> Canonicalize(IReadOnlyList<Quad> dataset, IBufferWriter<byte> destination, Rdfc10Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(destination);
        return Run(dataset, options ?? Rdfc10Options.Default, destination, order: null);
    }

    private static IReadOnlyDictionary<string, string> Run(IReadOnlyList<Quad> dataset, Rdfc10Options options, IBufferWriter<byte> output, List<int>? order)
    {
        // 1) Create the canonicalization state.  2) For every quad in the input dataset, add a
        //    reference to it for each blank node it contains to the blank node to quads map.
        using var state = new CanonicalizationState(dataset, options);
        int nodeCount = state.Labels.Length;
        if (nodeCount == 0)
        {
            // No blank nodes: steps 3 to 5 have nothing to do, and step 6 copies every quad as it is.
            return WriteCanonicalForm(state, output, order);
        }

        // 3) For each blank node: 3.1) hash it with Hash First Degree Quads; 3.2) add hash →
        //    identifier to the hash to blank nodes map.
        // (RDFC-1.0 dropped URDNA2015's "simple" loop: one pass suffices, first-degree hashes never change.)
        var hashToBlankNodes = new Dictionary<string, List<int>>(nodeCount, StringComparer.Ordinal);
        var hashFirstDegree = new HashFirstDegreeQuads(state);
        for (int node = 0; node < nodeCount; node++)
        {
            string hash = hashFirstDegree.Hash(node);
            if (!hashToBlankNodes.TryGetValue(hash, out var list))
            {
                hashToBlankNodes.Add(hash, list = new List<int>(1));
            }
            list.Add(node);
        }

        // 4) For each hash → identifier list, in code point order of hash:
        var hashes = hashToBlankNodes.Keys.ToArray();
        Array.Sort(hashes, StringComparer.Ordinal);
        var nonUnique = new List<List<int>>();
        int nonUniqueCount = 0;
        foreach (string hash in hashes)
        {
            var identifiers = hashToBlankNodes[hash];
            // 4.1) If the identifier list has more than one entry, continue.
            if (identifiers.Count > 1)
            {
                nonUnique.Add(identifiers);
                nonUniqueCount += identifiers.Count;
                continue;
            }
            // 4.2) Issue a canonical identifier for the single blank node.  4.3) (Removal from the
            //      map is implicit: nonUnique keeps what is left, in hash order.)
            state.CanonicalIssuer.Issue(identifiers[0]);
        }

        if (nonUnique.Count > 0)
        {
            IssueNDegreeIdentifiers(state, nonUnique, nonUniqueCount);
        }

        // 6) For each quad, create a copy with canonical blank node identifiers (the normalized dataset).
        // 7) Return the serialized canonical form: canonical N-Quads lines in code point order.
        return WriteCanonicalForm(state, output, order);
    }

    /// <summary>Canonicalizes an N-Quads document (convenience for tools and tests).</summary>
    /// <exception cref="NQuadsParseException">The input is not N-Quads.</exception>
    public static CanonicalizationResult Canonicalize(string nquads, Rdfc10Options? options = null) =>
        Canonicalize(NQuadsParser.Parse(nquads), options);

    // Step 5 of §4.4.3.
    private static void IssueNDegreeIdentifiers(CanonicalizationState state, List<List<int>> nonUnique, int nonUniqueCount)
    {
        // Deviation: a bound on Hash N-Degree Quads calls, n^MaxWorkFactor (n = blank nodes in
        // non-unique lists), as rdf-canonize computes maxDeepIterations, capped by DeepIterationCeiling;
        // plus MaxPermutations. The spec leaves these open (§6).
        var options = state.Options;
        long limit = options.MaxDeepIterations
            ?? (options.MaxWorkFactor <= 0 ? 0 : (long)Math.Min(Math.Pow(nonUniqueCount, options.MaxWorkFactor), options.DeepIterationCeiling));
        state.DeepIterationLimit = limit;
        state.RemainingDeepIterations = limit;
        state.RemainingPermutations = state.Options.MaxPermutations;

        // 5) For each hash → identifier list left, in code point order of hash:
        foreach (var identifiers in nonUnique)
        {
            // 5.1) Create hash path list.
            var hashPathList = new List<HashNDegreeQuads.Result>();
            // 5.2) For each blank node identifier n in identifier list:
            foreach (int node in identifiers)
            {
                // 5.2.1) If a canonical identifier has already been issued for n, continue.
                if (state.CanonicalIssuer.HasIssued(node))
                {
                    continue;
                }
                // 5.2.2) Create temporary issuer with prefix b.  5.2.3) Issue an identifier for n.
                var temporaryIssuer = new IdentifierIssuer("b", state.Labels.Length);
                temporaryIssuer.Issue(node);
                // 5.2.4) Run Hash N-Degree Quads with n and temporary issuer; append the result.
                hashPathList.Add(HashNDegreeQuads.Hash(state, node, temporaryIssuer));
            }
            // 5.3) For each result in hash path list, in code point order of its hash (stable, so
            //      equal hashes keep the order of the identifier list):
            foreach (var result in hashPathList.OrderBy(r => r.Hash, StringComparer.Ordinal))
            {
                // 5.3.1) For each blank node issued an identifier by the result's issuer, in issue
                //        order, issue a canonical identifier.
                foreach (int node in result.Issuer.IssuedOrder)
                {
                    state.CanonicalIssuer.Issue(node);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see CanonicalizationState's constructor
    private static IReadOnlyDictionary<string, string> WriteCanonicalForm(CanonicalizationState state, IBufferWriter<byte> output, List<int>? order)
    {
        // 6) Quads with blank nodes, relabelled; quads without are already in state.Lines.
        var buffer = state.Lines;
        var lines = state.LineSegments;
        var canonicalWriter = state.Quads.Length == 0 ? null : new CanonicalLabelWriter(state);
        foreach (var quad in state.Quads)
        {
            int start = buffer.Length;
            CanonicalizationState.WriteQuad(buffer, quad, canonicalWriter!);
            lines.Add(new LineSegment(start, buffer.Length - start, quad.Index));
        }
        // 7) Sort in code point order; equal lines are duplicate quads of the input set.
        LineSorter.SortQuads(buffer, lines);
        // One span for the whole document when the writer offers it (the lines fit in the buffer's
        // length), else line by line.
        var destination = output.GetSpan(buffer.Length);
        bool whole = destination.Length >= buffer.Length;
        int written = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i > 0 && LineSorter.Same(buffer, lines[i - 1], line))
            {
                continue;
            }
            if (whole)
            {
                buffer.Slice(line.Start, line.Length).CopyTo(destination[written..]);
                written += line.Length;
            }
            else
            {
                output.Write(buffer.Slice(line.Start, line.Length));
            }
            order?.Add(line.Tag);
        }
        if (whole)
        {
            output.Advance(written);
        }

        var issuer = state.CanonicalIssuer;
        if (canonicalWriter is null)
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }
        var issued = new Dictionary<string, string>(issuer.IssuedOrder.Count, StringComparer.Ordinal);
        foreach (int node in issuer.IssuedOrder)
        {
            issued.Add(state.Labels[node], canonicalWriter.Label(node));
        }
        return issued;
    }

    private static Quad Relabel(Quad quad, IReadOnlyDictionary<string, string> issued)
    {
        return new Quad(Map(quad.Subject), quad.Predicate, Map(quad.Object), Map(quad.Graph));

        RdfTerm Map(RdfTerm term) => term.IsBlankNode ? RdfTerm.Blank(issued[term.Value]) : term;
    }

    /// <summary>Writes blank nodes with their canonical labels, <c>_:c14nN</c>.</summary>
    private sealed class CanonicalLabelWriter : IBlankNodeWriter
    {
        private readonly byte[][] _encoded;
        private readonly CanonicalizationState _state;

        public CanonicalLabelWriter(CanonicalizationState state)
        {
            _state = state;
            _encoded = new byte[state.Labels.Length][];
            for (int node = 0; node < _encoded.Length; node++)
            {
                _encoded[node] = Encoding.ASCII.GetBytes("_:" + Label(node));
            }
        }

        public string Label(int node) => Format(_state.CanonicalIssuer.IssuedNumber(node));

        private static string Format(int number) => "c14n" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public void Write(ByteBuffer buffer, int node) => buffer.Add(_encoded[node]);
    }
}
