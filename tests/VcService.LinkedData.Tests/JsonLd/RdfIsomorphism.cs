using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>
/// Test-side RDF dataset isomorphism (RDF 1.1 Concepts §3.6): equal up to blank node relabelling. Colour
/// refinement narrows candidates, backtracking finds a bijection.
/// </summary>
public static class RdfIsomorphism
{
    public static bool AreIsomorphic(IEnumerable<Quad> expected, IEnumerable<Quad> actual)
    {
        var a = expected.Distinct().ToList();
        var b = actual.Distinct().ToList();
        if (a.Count != b.Count)
        {
            return false;
        }
        var blanksA = Blanks(a);
        var blanksB = Blanks(b);
        if (blanksA.Count != blanksB.Count)
        {
            return false;
        }
        var colorsA = Refine(a, blanksA);
        var colorsB = Refine(b, blanksB);
        var setB = new HashSet<Quad>(b);
        var order = blanksA.OrderBy(x => colorsA[x]).ToList();
        var mapping = new Dictionary<string, string>();
        var usedB = new HashSet<string>();
        return Search(0);

        bool Search(int i)
        {
            if (i == order.Count)
            {
                return a.All(q => setB.Contains(Map(q, mapping)));
            }
            var x = order[i];
            foreach (var y in blanksB)
            {
                if (usedB.Contains(y) || colorsB[y] != colorsA[x])
                {
                    continue;
                }
                mapping[x] = y;
                usedB.Add(y);
                if (Search(i + 1))
                {
                    return true;
                }
                usedB.Remove(y);
                mapping.Remove(x);
            }
            return false;
        }
    }

    private static List<string> Blanks(List<Quad> quads)
    {
        var set = new HashSet<string>();
        foreach (var q in quads)
        {
            foreach (var t in new[] { q.Subject, q.Predicate, q.Object, q.Graph })
            {
                if (t.IsBlankNode)
                {
                    set.Add(t.Value);
                }
            }
        }
        return set.ToList();
    }

    private static Dictionary<string, string> Refine(List<Quad> quads, List<string> blanks)
    {
        var colors = blanks.ToDictionary(x => x, _ => "0");
        for (var round = 0; round < 4; round++)
        {
            var next = new Dictionary<string, string>();
            foreach (var x in blanks)
            {
                var parts = new List<string>();
                foreach (var q in quads)
                {
                    var terms = new[] { q.Subject, q.Predicate, q.Object, q.Graph };
                    for (var p = 0; p < 4; p++)
                    {
                        if (terms[p].IsBlankNode && terms[p].Value == x)
                        {
                            parts.Add(p + ":" + string.Join("|", terms.Select((t, i) => i == p ? "SELF" : Describe(t, colors))));
                        }
                    }
                }
                parts.Sort(StringComparer.Ordinal);
                next[x] = string.Join("\n", parts).GetHashCode().ToString();
            }
            colors = next;
        }
        return colors;
    }

    private static string Describe(RdfTerm t, Dictionary<string, string> colors) =>
        t.IsBlankNode ? "_" + colors[t.Value] : t.Kind + t.Value + "^" + t.Datatype + "@" + t.Language;

    private static Quad Map(Quad q, Dictionary<string, string> m) =>
        new(MapTerm(q.Subject, m), MapTerm(q.Predicate, m), MapTerm(q.Object, m), MapTerm(q.Graph, m));

    private static RdfTerm MapTerm(RdfTerm t, Dictionary<string, string> m) => t.IsBlankNode ? RdfTerm.Blank(m[t.Value]) : t;
}
