using System.Buffers;
using System.Text;
using FluentAssertions;
using VcService.LinkedData.Canonicalization;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Tests.Canonicalization;

/// <summary>
/// The UTF-8 canonical form against a plain reference, on generated datasets: without blank nodes
/// RDFC-1.0 (§4.4.3 steps 6–7) is the canonical N-Quads of every quad, as <see cref="NQuadsSerializer"/>
/// writes them, sorted in code point order (UTF-8 byte order), duplicates once. The datasets mix what
/// the fast paths have to get right: escapes at every position of long strings, non-ASCII and
/// surrogate pairs, IRIs that need \u escapes, subjects repeated by object and by value, runs of one
/// subject split across the input, subjects that are prefixes of others, named graphs, duplicates.
/// </summary>
public class CanonicalFormReferenceTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Dataset_without_blank_nodes_is_its_sorted_distinct_serialization(int seed)
    {
        var dataset = Generate(new Random(seed), blankNodes: false);

        Utf8(dataset).Should().Be(Reference(dataset));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Dataset_with_blank_nodes_is_sorted_distinct_and_equal_to_the_string_result(int seed)
    {
        var dataset = Generate(new Random(seed), blankNodes: true);

        string utf8 = Utf8(dataset);
        var result = Rdfc10Canonicalizer.Canonicalize(dataset);

        utf8.Should().Be(result.CanonicalNQuads);
        var lines = utf8.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().OnlyHaveUniqueItems();
        lines.Select(Encoding.UTF8.GetBytes).Should().BeInAscendingOrder(Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)));
        NQuadsSerializer.Serialize(result.CanonicalQuads).Should().Be(result.CanonicalNQuads);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Writer_with_small_spans_gets_the_same_bytes(int seed)
    {
        var dataset = Generate(new Random(seed), blankNodes: seed % 2 == 0);
        var small = new SmallSpanWriter(64);

        Rdfc10Canonicalizer.Canonicalize(dataset, small);

        Encoding.UTF8.GetString(small.Written.ToArray()).Should().Be(Utf8(dataset));
    }

    [Fact]
    public void Escapes_inside_long_literals_and_iris_are_the_serializer_escapes()
    {
        string filler = new('x', 70);
        var dataset = new List<Quad>();
        foreach (string special in new[] { "\"", "\\", "\b", "\t", "\n", "\f", "\r", "\u0000", "\u001F", "\u007F", " ", "<", ">", "{", "}", "|", "^", "`", "é", "😀" })
        {
            for (int at = 0; at < 70; at += 13)
            {
                string text = filler[..at] + special + filler[at..];
                dataset.Add(new Quad(RdfTerm.Iri("urn:s"), RdfTerm.Iri("urn:p"), RdfTerm.Literal(text), RdfTerm.DefaultGraph));
                dataset.Add(new Quad(RdfTerm.Iri("urn:s:" + text), RdfTerm.Iri("urn:p"), RdfTerm.Iri("urn:o:" + text), RdfTerm.DefaultGraph));
            }
        }

        Utf8(dataset).Should().Be(Reference(dataset));
    }

    private static string Utf8(IReadOnlyList<Quad> dataset)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Rdfc10Canonicalizer.Canonicalize(dataset, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Reference(IReadOnlyList<Quad> dataset)
    {
        var lines = dataset.Select(quad => Encoding.UTF8.GetBytes(NQuadsSerializer.Serialize(quad))).ToList();
        lines.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        var canonical = new List<byte>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i == 0 || !lines[i].AsSpan().SequenceEqual(lines[i - 1]))
            {
                canonical.AddRange(lines[i]);
            }
        }
        return Encoding.UTF8.GetString(canonical.ToArray());
    }

    private static List<Quad> Generate(Random random, bool blankNodes)
    {
        string[] subjects =
        [
            "urn:a", "urn:a/b", "urn:ab", "https://example.org/node/1", "https://example.org/node/10",
            "https://example.org/node/1#x", "urn:é", "urn:x:" + new string('s', 40),
        ];
        string[] predicates =
        [
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://purl.org/dc/terms/title",
            "http://purl.org/dc/terms/title2", "urn:p", "urn:p{x}", "urn:q",
        ];
        var dataset = new List<Quad>();
        int count = random.Next(1, 120);
        for (int i = 0; i < count; i++)
        {
            // Runs of one subject, sometimes the same string object, sometimes an equal copy.
            int runLength = random.Next(1, 8);
            string subject = subjects[random.Next(subjects.Length)];
            for (int j = 0; j < runLength; j++)
            {
                var s = blankNodes && random.Next(4) == 0
                    ? RdfTerm.Blank("b" + random.Next(6))
                    : RdfTerm.Iri(random.Next(3) == 0 ? new string(subject.AsSpan()) : subject);
                var p = RdfTerm.Iri(predicates[random.Next(predicates.Length)]);
                var o = random.Next(5) switch
                {
                    0 => RdfTerm.Iri(subjects[random.Next(subjects.Length)]),
                    1 when blankNodes => RdfTerm.Blank("b" + random.Next(6)),
                    2 => RdfTerm.Literal(Text(random), language: random.Next(2) == 0 ? "en" : "de-CH"),
                    3 => RdfTerm.Literal(Text(random), "http://www.w3.org/2001/XMLSchema#dateTime"),
                    _ => RdfTerm.Literal(Text(random)),
                };
                var g = random.Next(4) switch
                {
                    0 => RdfTerm.Iri("urn:graph"),
                    1 when blankNodes => RdfTerm.Blank("g" + random.Next(2)),
                    _ => RdfTerm.DefaultGraph,
                };
                var quad = new Quad(s, p, o, g);
                dataset.Add(quad);
                if (random.Next(10) == 0)
                {
                    dataset.Add(quad);
                }
            }
        }
        return dataset;
    }

    private static string Text(Random random)
    {
        const string alphabet = "abcXYZ019 +/=.-_~:";
        string[] specials = ["\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0001", "\u001F", "\u007F", "é", "€", "😀", "<", ">", "{", "^", "`"];
        int length = random.Next(4) == 0 ? random.Next(100, 3000) : random.Next(0, 60);
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            if (random.Next(40) == 0)
            {
                text.Append(specials[random.Next(specials.Length)]);
            }
            else
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }
        }
        return text.ToString();
    }

    /// <summary>A writer that hands out at most <c>limit</c> bytes per span (as a pipe's segments may).</summary>
    private sealed class SmallSpanWriter(int limit) : IBufferWriter<byte>
    {
        private readonly ArrayBufferWriter<byte> _inner = new();

        public ReadOnlyMemory<byte> Written => _inner.WrittenMemory;

        public void Advance(int count) => _inner.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0) => _inner.GetMemory(limit)[..limit];

        public Span<byte> GetSpan(int sizeHint = 0) => _inner.GetSpan(limit)[..limit];
    }
}
