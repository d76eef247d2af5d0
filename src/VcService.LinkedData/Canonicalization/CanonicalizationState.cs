using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Canonicalization;

/// <summary>A quad that mentions blank nodes, its other terms pre-encoded as canonical N-Quads UTF-8.</summary>
internal sealed class EncodedQuad(int index)
{
    /// <summary>Position of the quad in the input dataset.</summary>
    public int Index { get; } = index;

    /// <summary>Blank node indices of subject, object and graph, or -1.</summary>
    public int S = -1, O = -1, G = -1;

    /// <summary>Encoded non-blank terms; <see cref="GBytes"/> is null for the default graph.</summary>
    public byte[]? SBytes, PBytes, OBytes, GBytes;

    /// <summary><c>&lt;predicate&gt;</c> with the IRI unescaped, as Hash Related Blank Node (§4.7 step 2) appends it.</summary>
    public byte[] PredicateRaw = [];
}

/// <summary>
/// The canonicalization state (RDFC-1.0 §4.2): the blank node to quads map, the first-degree
/// hashes and the canonical issuer, plus work counters and pooled buffers the algorithms share.
/// Quads without blank nodes are written to <see cref="Lines"/> at once: they need no hashing.
/// </summary>
internal sealed class CanonicalizationState : IDisposable
{
    private Dictionary<string, byte[]>? _iriCache;

    // Optimized at once: the loop below is too short per call for on-stack replacement, so tier-0
    // code would otherwise run until tiered compilation's call counting promotes it, which took
    // longer than a 1,000-document benchmark and doubled its time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CanonicalizationState(IReadOnlyList<Quad> dataset, Rdfc10Options options)
    {
        Options = options;
        // By reference: a quad is a large struct, and the dataset is a List from toRdf or the parser.
        ReadOnlySpan<Quad> input = dataset switch
        {
            List<Quad> list => CollectionsMarshal.AsSpan(list),
            Quad[] array => array,
            _ => dataset.ToArray(),
        };
        Lines.EnsureCapacity(EstimateLineBytes(input));
        LineSegments.Capacity = input.Length;

        int firstWithBlankNode = -1;
        string? previousSubject = null;
        int previousStart = 0, previousSubjectBytes = 0;
        for (int index = 0; index < input.Length; index++)
        {
            ref readonly var quad = ref input[index];
            Validate(quad);
            if (quad.Subject.IsBlankNode || quad.Object.IsBlankNode || quad.Graph.IsBlankNode)
            {
                if (firstWithBlankNode < 0)
                {
                    firstWithBlankNode = index;
                }
                continue;
            }
            // No blank nodes: the canonical line is the line itself (duplicates are dropped after sorting).
            int start = Lines.Length;
            if (ReferenceEquals(quad.Subject.Value, previousSubject))
            {
                // toRdf writes the quads of a node one after the other, with one subject string:
                // its bytes (and the space) are copied from the line before.
                Lines.AddCopy(previousStart, previousSubjectBytes);
            }
            else
            {
                NQuadsUtf8Writer.WriteIri(Lines, quad.Subject.Value);
                Lines.Add((byte)' ');
                previousSubject = quad.Subject.Value;
                previousSubjectBytes = Lines.Length - start;
            }
            previousStart = start;
            NQuadsUtf8Writer.WriteAfterSubject(Lines, quad);
            LineSegments.Add(new LineSegment(start, Lines.Length - start, index));
        }

        if (firstWithBlankNode < 0)
        {
            Quads = [];
            Labels = [];
            QuadsOf = [];
        }
        else
        {
            (Quads, Labels, QuadsOf) = MapBlankNodes(input, firstWithBlankNode);
        }
        FirstDegreeHashes = new string[Labels.Length];
        CanonicalIssuer = new IdentifierIssuer("c14n", Labels.Length);
    }

    /// <summary>§4.4.3 step 2, over the quads that mention blank nodes.</summary>
    private (EncodedQuad[] Quads, string[] Labels, int[][] QuadsOf) MapBlankNodes(ReadOnlySpan<Quad> input, int first)
    {
        // Predicates are few: sized for small datasets, grown for large ones.
        _iriCache = new Dictionary<string, byte[]>(Math.Min(input.Length, 32), StringComparer.Ordinal);
        var quads = new List<EncodedQuad>();
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelList = new List<string>();
        var quadsOf = new List<List<int>>();
        var seen = new HashSet<Quad>();

        for (int index = first; index < input.Length; index++)
        {
            ref readonly var quad = ref input[index];
            if (!quad.Subject.IsBlankNode && !quad.Object.IsBlankNode && !quad.Graph.IsBlankNode)
            {
                continue;
            }
            // The input is a set: a duplicate would distort the blank node to quads map.
            if (!seen.Add(quad))
            {
                continue;
            }
            int quadIndex = quads.Count;
            var encoded = new EncodedQuad(index)
            {
                PBytes = EncodeIri(quad.Predicate.Value),
                PredicateRaw = System.Text.Encoding.UTF8.GetBytes("<" + quad.Predicate.Value + ">"),
            };
            // §4.4.3 step 2: for each blank node in subject, object or graph, add a reference to the
            // quad to the blank node to quads map (once per quad).
            encoded.S = Track(quad.Subject, quadIndex);
            encoded.O = Track(quad.Object, quadIndex);
            encoded.G = Track(quad.Graph, quadIndex);
            if (encoded.S < 0) encoded.SBytes = Encode(quad.Subject);
            if (encoded.O < 0) encoded.OBytes = Encode(quad.Object);
            if (encoded.G < 0 && !quad.Graph.IsDefaultGraph) encoded.GBytes = Encode(quad.Graph);
            quads.Add(encoded);
        }

        var quadsOfArray = new int[quadsOf.Count][];
        for (int i = 0; i < quadsOfArray.Length; i++)
        {
            quadsOfArray[i] = quadsOf[i].ToArray();
        }
        return (quads.ToArray(), labelList.ToArray(), quadsOfArray);

        int Track(RdfTerm term, int quadIndex)
        {
            if (term.Kind != RdfTermKind.BlankNode)
            {
                return -1;
            }
            if (!labels.TryGetValue(term.Value, out int node))
            {
                node = labelList.Count;
                labels.Add(term.Value, node);
                labelList.Add(term.Value);
                quadsOf.Add([]);
            }
            var list = quadsOf[node];
            if (list.Count == 0 || list[^1] != quadIndex)
            {
                list.Add(quadIndex);
            }
            return node;
        }
    }

    public Rdfc10Options Options { get; }

    /// <summary>Quads that mention blank nodes.</summary>
    public EncodedQuad[] Quads { get; }

    /// <summary>Blank node index → input label (without <c>_:</c>), in order of first appearance.</summary>
    public string[] Labels { get; }

    /// <summary>The blank node to quads map: blank node index → indices into <see cref="Quads"/>.</summary>
    public int[][] QuadsOf { get; }

    /// <summary>Hash First Degree Quads result per blank node (hex).</summary>
    public string[] FirstDegreeHashes { get; }

    public IdentifierIssuer CanonicalIssuer { get; }

    /// <summary>The Hash N-Degree Quads call limit of this run (from the options and the dataset).</summary>
    public long DeepIterationLimit { get; set; }

    public long RemainingDeepIterations { get; set; }

    public long RemainingPermutations { get; set; }

    /// <summary>Canonical output lines (tag = index of the quad in the input dataset).</summary>
    public ByteBuffer Lines { get; } = new(16 * 1024);

    public List<LineSegment> LineSegments { get; } = [];

    /// <summary>Scratch buffers, free for use inside one non-recursive step.</summary>
    public ByteBuffer Scratch { get; } = new();

    public ByteBuffer Scratch2 { get; } = new();

    /// <summary>The hash algorithm of the run over <paramref name="data"/>, as lower-case hex.</summary>
    public string HashToHex(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[SHA384.HashSizeInBytes];
        int size = Options.HashAlgorithm == Rdfc10HashAlgorithm.Sha384
            ? SHA384.HashData(data, digest)
            : SHA256.HashData(data, digest);
        return Convert.ToHexStringLower(digest[..size]);
    }

    /// <summary>
    /// Writes one quad as a canonical N-Quads line, blank nodes written by <paramref name="blank"/>:
    /// <c>_:a</c>/<c>_:z</c> for Hash First Degree Quads, canonical labels for the result.
    /// </summary>
    public static void WriteQuad(ByteBuffer buffer, EncodedQuad q, IBlankNodeWriter blank)
    {
        if (q.S >= 0) blank.Write(buffer, q.S); else buffer.Add(q.SBytes);
        buffer.Add((byte)' ');
        buffer.Add(q.PBytes);
        buffer.Add((byte)' ');
        if (q.O >= 0) blank.Write(buffer, q.O); else buffer.Add(q.OBytes);
        if (q.G >= 0)
        {
            buffer.Add((byte)' ');
            blank.Write(buffer, q.G);
        }
        else if (q.GBytes is not null)
        {
            buffer.Add((byte)' ');
            buffer.Add(q.GBytes);
        }
        buffer.Add(" .\n"u8);
    }

    public void Dispose()
    {
        Lines.Dispose();
        Scratch.Dispose();
        Scratch2.Dispose();
    }

    /// <summary>The N-Quads size of the dataset when it is ASCII without escapes (lines with blank nodes count too).</summary>
    private static int EstimateLineBytes(ReadOnlySpan<Quad> dataset)
    {
        long bytes = 0;
        foreach (ref readonly var quad in dataset)
        {
            bytes += Size(quad.Subject) + Size(quad.Predicate) + Size(quad.Object) + Size(quad.Graph) + 4;
        }
        return (int)Math.Min(bytes, 1 << 30);

        static int Size(in RdfTerm term) => term.Value.Length + (term.Datatype?.Length ?? 0) + (term.Language?.Length ?? 0) + 6;
    }

    private static void Validate(in Quad quad)
    {
        if (quad.Predicate.Kind != RdfTermKind.Iri)
        {
            throw new ArgumentException("RDFC-1.0 input: predicates must be IRIs.", "dataset");
        }
        if (quad.Subject.Kind is not (RdfTermKind.Iri or RdfTermKind.BlankNode)
            || quad.Object.Kind == RdfTermKind.DefaultGraph
            || quad.Graph.Kind == RdfTermKind.Literal)
        {
            throw new ArgumentException("RDFC-1.0 input: term not allowed in its position.", "dataset");
        }
    }

    private byte[] Encode(RdfTerm term)
    {
        if (term.Kind == RdfTermKind.Iri)
        {
            return EncodeIri(term.Value);
        }
        Scratch.Clear();
        NQuadsUtf8Writer.WriteTerm(Scratch, term);
        return Scratch.Span.ToArray();
    }

    private byte[] EncodeIri(string iri)
    {
        _iriCache ??= new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (!_iriCache.TryGetValue(iri, out var bytes))
        {
            Scratch.Clear();
            NQuadsUtf8Writer.WriteIri(Scratch, iri);
            bytes = Scratch.Span.ToArray();
            _iriCache.Add(iri, bytes);
        }
        return bytes;
    }
}

/// <summary>How a blank node is written when a quad is serialized for hashing or output.</summary>
internal interface IBlankNodeWriter
{
    void Write(ByteBuffer buffer, int node);
}
