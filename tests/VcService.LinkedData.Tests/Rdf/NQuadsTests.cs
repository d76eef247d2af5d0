using FluentAssertions;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Tests.Rdf;

public class NQuadsTests
{
    [Fact]
    public void Serializes_iri_blank_and_typed_literal_in_named_graph()
    {
        var quad = new Quad(RdfTerm.Blank("b0"), RdfTerm.Iri("http://ex/p"),
            RdfTerm.Literal("5", "http://www.w3.org/2001/XMLSchema#integer"), RdfTerm.Iri("http://ex/g"));

        NQuadsSerializer.Serialize(quad).Should().Be(
            "_:b0 <http://ex/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://ex/g> .\n");
    }

    [Fact]
    public void Omits_xsd_string_and_writes_language_tag()
    {
        var s = RdfTerm.Iri("http://ex/s");
        var p = RdfTerm.Iri("http://ex/p");
        NQuadsSerializer.Serialize([
            new Quad(s, p, RdfTerm.Literal("plain"), RdfTerm.DefaultGraph),
            new Quad(s, p, RdfTerm.Literal("hallo", language: "de-AT"), RdfTerm.DefaultGraph),
        ]).Should().Be("<http://ex/s> <http://ex/p> \"plain\" .\n<http://ex/s> <http://ex/p> \"hallo\"@de-AT .\n");
    }

    [Theory]
    [InlineData("a\"b", "a\\\"b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("l1\nl2\r", "l1\\nl2\\r")]
    [InlineData("\t\b\f", "\\t\\b\\f")]
    [InlineData("\u0000\u0001\u000B\u001F\u007F", "\\u0000\\u0001\\u000B\\u001F\\u007F")]
    [InlineData("é ∞ 😀 '", "é ∞ 😀 '")]
    public void Escapes_literals_canonically(string lexical, string expected)
    {
        var quad = new Quad(RdfTerm.Iri("urn:s"), RdfTerm.Iri("urn:p"), RdfTerm.Literal(lexical), RdfTerm.DefaultGraph);
        NQuadsSerializer.Serialize(quad).Should().Be($"<urn:s> <urn:p> \"{expected}\" .\n");
    }

    [Fact]
    public void Escapes_characters_iriref_cannot_hold()
    {
        var quad = new Quad(RdfTerm.Iri("urn:a b"), RdfTerm.Iri("urn:p"), RdfTerm.Iri("urn:x<y>"), RdfTerm.DefaultGraph);
        NQuadsSerializer.Serialize(quad).Should().Be("<urn:a\\u0020b> <urn:p> <urn:x\\u003Cy\\u003E> .\n");
    }

    [Fact]
    public void Parses_all_term_kinds_comments_and_line_ends()
    {
        const string doc = "# header comment\r\n"
            + "<http://ex/s> <http://ex/p> \"v\"@en-GB . # trailing\r\n"
            + "\n"
            + "_:b1 <http://ex/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> _:g .\r"
            + "  _:b1\t<http://ex/p>   <http://ex/o>   <http://ex/g>.";

        var quads = NQuadsParser.Parse(doc);

        quads.Should().HaveCount(3);
        quads[0].Object.Should().Be(RdfTerm.Literal("v", language: "en-GB"));
        quads[0].Graph.Should().Be(RdfTerm.DefaultGraph);
        quads[1].Subject.Should().Be(RdfTerm.Blank("b1"));
        quads[1].Object.Datatype.Should().Be("http://www.w3.org/2001/XMLSchema#integer");
        quads[1].Graph.Should().Be(RdfTerm.Blank("g"));
        quads[2].Graph.Should().Be(RdfTerm.Iri("http://ex/g"));
    }

    [Fact]
    public void Unescapes_echar_and_uchar()
    {
        var quads = NQuadsParser.Parse(
            "<urn:ex:\\u0065x> <urn:p> \"\\t\\b\\n\\r\\f\\\"\\'\\\\ \\u221e \\U0001F600 \\uD83D\\uDE00\" .\n");

        quads[0].Subject.Value.Should().Be("urn:ex:ex");
        quads[0].Object.Value.Should().Be("\t\b\n\r\f\"'\\ ∞ 😀 😀");
    }

    [Fact]
    public void Blank_node_label_does_not_swallow_the_final_dot()
    {
        var quads = NQuadsParser.Parse("_:a.b <urn:p> _:c.\n");
        quads[0].Subject.Value.Should().Be("a.b");
        quads[0].Object.Value.Should().Be("c");
    }

    [Theory]
    [InlineData("<urn:s> <urn:p> <urn:o>\n", 1, "expected '.'")]
    [InlineData("<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:p> \"x .\n", 2, "unterminated string literal")]
    [InlineData("<urn:s> <urn:p> <urn:o> .\n\n<relative> <urn:p> <urn:o> .\n", 3, "not absolute")]
    [InlineData("<urn:s> \"p\" <urn:o> .", 1, "predicate")]
    [InlineData("<urn:s> <urn:p> \"x\"@ .", 1, "empty language tag")]
    [InlineData("<urn:s> <urn:p> \"\\q\" .", 1, "invalid escape")]
    [InlineData("<urn:s> <urn:p> \"\\u12\" .", 1, "hex digits")]
    [InlineData("<urn:s> <urn:p> \"\\U00110000\" .", 1, "not a Unicode scalar value")]
    [InlineData("<urn:s> <urn:p> <urn:o> . <urn:x>", 1, "end of the line")]
    [InlineData("<urn:s x> <urn:p> <urn:o> .", 1, "not allowed in an IRI")]
    [InlineData("_:-a <urn:p> <urn:o> .", 1, "blank node label")]
    public void Reports_errors_with_line_numbers(string doc, int line, string reason)
    {
        var act = () => NQuadsParser.Parse(doc);
        act.Should().Throw<NQuadsParseException>()
            .Where(e => e.Line == line && e.Message.Contains(reason) && e.Message.Contains($"line {line}"));
    }

    [Fact]
    public void Round_trips_the_w3c_escape_test_to_its_canonical_form()
    {
        string dir = Path.Combine(RdfTestPaths.SharedDir, "w3c", "rdf-canon", "rdfc10");
        string input = File.ReadAllText(Path.Combine(dir, "test060-in.nq"));
        string expected = File.ReadAllText(Path.Combine(dir, "test060-rdfc10.nq"));

        var lines = NQuadsParser.Parse(input).Select(NQuadsSerializer.Serialize).Order(StringComparer.Ordinal);

        string.Concat(lines).Should().Be(expected);
        NQuadsSerializer.Serialize(NQuadsParser.Parse(expected)).Should().Be(expected);
    }
}
