namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// An identifier issuer (RDFC-1.0 §4.3): a prefix, a counter and the issued identifiers map,
/// which keeps the order identifiers were issued in. Blank nodes are referred to by their index
/// in <see cref="CanonicalizationState"/>; the issued identifier is <c>prefix + number</c>.
/// </summary>
internal sealed class IdentifierIssuer
{
    private readonly int[] _issued; // blank node index → issued number, -1 when none
    private readonly List<int> _order;

    public IdentifierIssuer(string prefix, int blankNodeCount)
    {
        Prefix = prefix;
        _issued = new int[blankNodeCount];
        Array.Fill(_issued, -1);
        _order = [];
    }

    private IdentifierIssuer(IdentifierIssuer other)
    {
        Prefix = other.Prefix;
        _issued = (int[])other._issued.Clone();
        _order = new List<int>(other._order);
    }

    /// <summary>The identifier prefix (<c>c14n</c> for the canonical issuer, <c>b</c> for temporary ones).</summary>
    public string Prefix { get; }

    /// <summary>Blank nodes in the order identifiers were issued to them; the position is the issued number.</summary>
    public IReadOnlyList<int> IssuedOrder => _order;

    public bool HasIssued(int node) => _issued[node] >= 0;

    public int IssuedNumber(int node) => _issued[node];

    // §4.5 Issue Identifier Algorithm
    public int Issue(int node)
    {
        // 1) If there is a map entry for existing identifier in issued identifiers map of I, return it.
        int existing = _issued[node];
        if (existing >= 0)
        {
            return existing;
        }
        // 2) Generate issued identifier by concatenating identifier prefix with the string value of
        //    identifier counter.  3) Add an entry mapping existing identifier to issued identifier.
        //    4) Increment identifier counter.  (The counter is the map's size.)
        int number = _order.Count;
        _issued[node] = number;
        _order.Add(node);
        // 5) Return issued identifier.
        return number;
    }

    public IdentifierIssuer Clone() => new(this);

    /// <summary>Appends <c>_:</c> + prefix + number as ASCII.</summary>
    public void AppendLabel(ByteBuffer buffer, int number)
    {
        buffer.Add("_:"u8);
        buffer.AddUtf8(Prefix);
        buffer.AddNumber(number);
    }
}
