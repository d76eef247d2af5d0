using System.Runtime.InteropServices;

namespace VcService.LinkedData.JsonLd.ToRdf;

/// <summary>
/// Node Map Generation (JSON-LD 1.1 API §7.2.2, https://www.w3.org/TR/json-ld11-api/#node-map-generation).
/// The node map is graph name → subject → node; nodes are <see cref="JsonModel"/> maps.
/// </summary>
internal sealed class NodeMapGenerator
{
    private readonly BlankNodeIssuer _issuer;
    private readonly bool _safeMode;

    /// <param name="capacity">Expected node count of the default graph (sizes it once).</param>
    public NodeMapGenerator(BlankNodeIssuer issuer, bool safeMode = false, int capacity = 0)
    {
        _issuer = issuer;
        _safeMode = safeMode;
        NodeMap = new Dictionary<string, Dictionary<string, Dictionary<string, object?>>>(StringComparer.Ordinal)
        {
            [Keywords.Default] = new(capacity, StringComparer.Ordinal),
        };
    }

    public Dictionary<string, Dictionary<string, Dictionary<string, object?>>> NodeMap { get; }

    public void Generate(object? element, string activeGraph, object? activeSubject, string? activeProperty, Dictionary<string, object?>? list)
    {
        // 1) Arrays: each item.
        if (element is List<object?> array)
        {
            foreach (var item in array)
            {
                Generate(item, activeGraph, activeSubject, activeProperty, list);
            }
            return;
        }
        if (element is not Dictionary<string, object?> map)
        {
            return;
        }
        // 2)
        var graph = Graph(activeGraph);
        var subjectNode = activeSubject is string s ? Node(graph, s) : null;
        // 3) Relabel blank node types.
        if (map.TryGetValue(Keywords.Type, out var typeValue) && typeValue is List<object?> types)
        {
            for (var i = 0; i < types.Count; i++)
            {
                if (types[i] is string t && Iri.IsBlankNode(t))
                {
                    types[i] = _issuer.Issue(t);
                }
            }
        }
        else if (typeValue is string single && Iri.IsBlankNode(single))
        {
            map[Keywords.Type] = _issuer.Issue(single);
        }
        var isValue = map.ContainsKey(Keywords.Value);
        var isList = map.TryGetValue(Keywords.List, out var listValue);
        if (subjectNode is null && list is null && (isValue || isList))
        {
            // Deviation: a value or list with no subject (e.g. a scalar in a @graph container) cannot become a
            // triple; the spec leaves this undefined, we drop it (safe mode rejects the loss).
            SafeMode.Event(_safeMode, SafeMode.FreeFloatingScalar, "a value or list without a subject node is dropped");
            return;
        }
        if (isValue)
        {
            // 4) Value objects.
            if (list is null)
            {
                var values = GetOrAddList(subjectNode!, activeProperty!);
                if (!ContainsDeep(values, map))
                {
                    values.Add(map);
                }
            }
            else
            {
                ((List<object?>)list[Keywords.List]!).Add(map);
            }
            return;
        }
        if (isList)
        {
            // 5) List objects.
            var result = new Dictionary<string, object?>(StringComparer.Ordinal) { [Keywords.List] = new List<object?>() };
            Generate(listValue, activeGraph, activeSubject, activeProperty, result);
            if (list is null)
            {
                GetOrAddList(subjectNode!, activeProperty!).Add(result);
            }
            else
            {
                ((List<object?>)list[Keywords.List]!).Add(result);
            }
            return;
        }
        // 6) Node objects.
        string id;
        if (map.TryGetValue(Keywords.Id, out var idValue) && idValue is string given)
        {
            id = Iri.IsBlankNode(given) ? _issuer.Issue(given) : given;
        }
        else if (idValue is null && map.ContainsKey(Keywords.Id))
        {
            // Deviation: an @id that expanded to null (a keyword-like value) gets the empty id, which is not an
            // absolute IRI, so toRdf drops the node and references to it (W3C test #te122).
            id = "";
        }
        else
        {
            id = _issuer.Issue(null);
        }
        // 6.2-6.3)
        if (!graph.TryGetValue(id, out var node))
        {
            // Sized for this map's entries: a node is usually described once.
            node = new Dictionary<string, object?>(map.Count + 1, StringComparer.Ordinal) { [Keywords.Id] = id };
            graph[id] = node;
        }
        if (activeSubject is Dictionary<string, object?> reverseSubject)
        {
            // 6.4) Reverse: the referencing node becomes a value of this node.
            var values = GetOrAddList(node, activeProperty!);
            if (!ContainsDeep(values, reverseSubject))
            {
                values.Add(reverseSubject);
            }
        }
        else if (activeProperty is not null)
        {
            // 6.5)
            var reference = new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Keywords.Id] = id };
            if (list is null)
            {
                var values = GetOrAddList(subjectNode!, activeProperty);
                if (!ContainsDeep(values, reference))
                {
                    values.Add(reference);
                }
            }
            else
            {
                ((List<object?>)list[Keywords.List]!).Add(reference);
            }
        }
        // 6.6) Types.
        if (map.TryGetValue(Keywords.Type, out var nodeTypes))
        {
            var values = GetOrAddList(node, Keywords.Type);
            foreach (var t in JsonModel.AsList(nodeTypes))
            {
                if (!values.Contains(t))
                {
                    values.Add(t);
                }
            }
        }
        // 6.7) Index.
        if (map.TryGetValue(Keywords.Index, out var index))
        {
            if (node.TryGetValue(Keywords.Index, out var existing) && !JsonModel.DeepEquals(existing, index))
            {
                throw new JsonLdException(JsonLdErrorCode.ConflictingIndexes, $"node '{id}' has two different @index values");
            }
            node[Keywords.Index] = index;
        }
        // 6.8) Reverse properties.
        if (map.TryGetValue(Keywords.Reverse, out var reverseValue) && reverseValue is Dictionary<string, object?> reverseMap)
        {
            var referenced = new Dictionary<string, object?>(1, StringComparer.Ordinal) { [Keywords.Id] = id };
            foreach (var (property, values) in reverseMap)
            {
                foreach (var value in JsonModel.AsList(values))
                {
                    Generate(value, activeGraph, referenced, property, null);
                }
            }
        }
        // 6.9) Named graph.
        if (map.TryGetValue(Keywords.Graph, out var graphValue))
        {
            Generate(graphValue, id, null, null, null);
        }
        // 6.10) Included nodes.
        if (map.TryGetValue(Keywords.Included, out var includedValue))
        {
            Generate(includedValue, activeGraph, null, null, null);
        }
        // 6.11) Other properties.
        foreach (var (key, value) in map)
        {
            if (key is Keywords.Id or Keywords.Type or Keywords.Index or Keywords.Reverse or Keywords.Graph or Keywords.Included)
            {
                continue;
            }
            var property = Iri.IsBlankNode(key) ? _issuer.Issue(key) : key;
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(node, property, out var exists);
            if (!exists)
            {
                entry = new List<object?>(value is List<object?> items ? items.Count : 1);
            }
            Generate(value, activeGraph, id, property, null);
        }
    }

    // Memo of the last graph and subject node looked up: the values of one node come one after the other, and
    // entries of the node map are never replaced once added, so the memo cannot go stale.
    private string? _lastGraphName;
    private Dictionary<string, Dictionary<string, object?>>? _lastGraph;
    private Dictionary<string, Dictionary<string, object?>>? _lastSubjectGraph;
    private string? _lastSubject;
    private Dictionary<string, object?>? _lastSubjectNode;

    private Dictionary<string, Dictionary<string, object?>> Graph(string name)
    {
        if (ReferenceEquals(name, _lastGraphName))
        {
            return _lastGraph!;
        }
        if (!NodeMap.TryGetValue(name, out var graph))
        {
            graph = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
            NodeMap[name] = graph;
        }
        _lastGraphName = name;
        _lastGraph = graph;
        return graph;
    }

    private Dictionary<string, object?>? Node(Dictionary<string, Dictionary<string, object?>> graph, string id)
    {
        if (ReferenceEquals(id, _lastSubject) && ReferenceEquals(graph, _lastSubjectGraph))
        {
            return _lastSubjectNode;
        }
        if (!graph.TryGetValue(id, out var node))
        {
            return null;
        }
        _lastSubjectGraph = graph;
        _lastSubject = id;
        _lastSubjectNode = node;
        return node;
    }

    // Memo of the last (node, property) → values list: an entry, once a list, is never replaced.
    private Dictionary<string, object?>? _lastListNode;
    private string? _lastListProperty;
    private List<object?>? _lastList;

    private List<object?> GetOrAddList(Dictionary<string, object?> node, string property)
    {
        if (ReferenceEquals(node, _lastListNode) && ReferenceEquals(property, _lastListProperty))
        {
            return _lastList!;
        }
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(node, property, out _);
        if (entry is not List<object?> list)
        {
            list = new List<object?>();
            entry = list;
        }
        _lastListNode = node;
        _lastListProperty = property;
        _lastList = list;
        return list;
    }

    private static bool ContainsDeep(List<object?> values, Dictionary<string, object?> item)
    {
        // Fast path for node references.
        if (item.Count == 1 && item.TryGetValue(Keywords.Id, out var id))
        {
            foreach (var v in values)
            {
                if (v is Dictionary<string, object?> { Count: 1 } m && m.TryGetValue(Keywords.Id, out var vid) && Equals(vid, id))
                {
                    return true;
                }
            }
            return false;
        }
        foreach (var v in values)
        {
            if (JsonModel.DeepEquals(v, item))
            {
                return true;
            }
        }
        return false;
    }
}
