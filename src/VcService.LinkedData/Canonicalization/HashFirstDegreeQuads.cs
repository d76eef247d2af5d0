namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// Hash First Degree Quads (RDFC-1.0 §4.6, https://www.w3.org/TR/rdf-canon/#hash-1d-quads):
/// hashes the quads that mention a blank node, with that node written <c>_:a</c> and every other
/// blank node <c>_:z</c>.
/// </summary>
internal sealed class HashFirstDegreeQuads(CanonicalizationState state) : IBlankNodeWriter
{
    private readonly List<LineSegment> _nquads = [];
    private int _reference;

    public string Hash(int referenceNode)
    {
        _reference = referenceNode;
        var buffer = state.Scratch;
        buffer.Clear();
        // 1) Initialize nquads to an empty list.
        _nquads.Clear();
        // 2) Get the list of quads associated with the reference blank node identifier.
        // 3) For each quad: serialize it in canonical N-Quads form, with the special rule that
        //    3.1.1) a blank node is written _:a if it is the reference blank node, else _:z.
        // (Issued canonical identifiers are deliberately not used here; the spec never did.)
        foreach (int q in state.QuadsOf[referenceNode])
        {
            int start = buffer.Length;
            CanonicalizationState.WriteQuad(buffer, state.Quads[q], this);
            _nquads.Add(new LineSegment(start, buffer.Length - start, q));
        }
        // 4) Sort nquads in Unicode code point order.
        LineSorter.Sort(buffer, _nquads);
        // 5) Return the hash of the sorted, concatenated nquads.
        string hash;
        if (LineSorter.InBufferOrder(_nquads))
        {
            hash = state.HashToHex(buffer.Span);
        }
        else
        {
            var joined = state.Scratch2;
            joined.Clear();
            foreach (var line in _nquads)
            {
                joined.Add(buffer.Slice(line.Start, line.Length));
            }
            hash = state.HashToHex(joined.Span);
        }
        state.FirstDegreeHashes[referenceNode] = hash;
        return hash;
    }

    void IBlankNodeWriter.Write(ByteBuffer buffer, int node) =>
        buffer.Add(node == _reference ? "_:a"u8 : "_:z"u8);
}
