namespace VcService.LinkedData.JsonLd.ToRdf;

/// <summary>Generate Blank Node Identifier (JSON-LD 1.1 API §7.4): relabels input blank nodes as _:b0, _:b1, …</summary>
internal sealed class BlankNodeIssuer
{
    private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);
    private int _counter;

    /// <summary>A fresh identifier (identifier null) or the one issued for <paramref name="identifier"/>.</summary>
    public string Issue(string? identifier)
    {
        if (identifier is not null && _map.TryGetValue(identifier, out var issued))
        {
            return issued;
        }
        issued = "_:b" + _counter++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (identifier is not null)
        {
            _map[identifier] = issued;
        }
        return issued;
    }
}
