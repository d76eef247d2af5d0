namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// Enumerates the permutations of a blank node list (RDFC-1.0 §4.8.3 step 5.4). The spec does not
/// fix the order; the chosen issuer among equal paths depends on it, so this follows the order of
/// rdf-canonize (labels sorted by UTF-16 code unit, then Steinhaus–Johnson–Trotter), which the W3C
/// issued-identifier-map tests were produced with.
/// </summary>
internal sealed class Permuter
{
    private readonly int[] _nodeOfRank; // rank → blank node index
    private readonly int[] _current;    // ranks
    private readonly bool[] _left;      // direction per rank
    private bool _done;

    public Permuter(List<int> nodes, string[] labels)
    {
        var distinct = nodes.Distinct().ToArray();
        Array.Sort(distinct, (a, b) => string.CompareOrdinal(labels[a], labels[b]));
        _nodeOfRank = distinct;
        _current = new int[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            _current[i] = Array.IndexOf(distinct, nodes[i]);
        }
        Array.Sort(_current);
        _left = new bool[distinct.Length];
        Array.Fill(_left, true);
    }

    public int Count => _current.Length;

    /// <summary>Writes the next permutation (blank node indices) into <paramref name="permutation"/>; false when done.</summary>
    public bool TryNext(int[] permutation)
    {
        if (_done)
        {
            return false;
        }
        for (int i = 0; i < _current.Length; i++)
        {
            permutation[i] = _nodeOfRank[_current[i]];
        }

        // Find the largest mobile element k (one larger than the neighbour it points to).
        int k = -1, pos = 0, length = _current.Length;
        for (int i = 0; i < length; i++)
        {
            int element = _current[i];
            bool left = _left[element];
            if ((k < 0 || element > k)
                && ((left && i > 0 && element > _current[i - 1]) || (!left && i < length - 1 && element > _current[i + 1])))
            {
                k = element;
                pos = i;
            }
        }
        if (k < 0)
        {
            _done = true;
        }
        else
        {
            int swap = _left[k] ? pos - 1 : pos + 1;
            _current[pos] = _current[swap];
            _current[swap] = k;
            foreach (int element in _current)
            {
                if (element > k)
                {
                    _left[element] = !_left[element];
                }
            }
        }
        return true;
    }
}
