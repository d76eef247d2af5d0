using FluentAssertions;
using VcService.LinkedData.Canonicalization;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Tests.Canonicalization;

public class Rdfc10CanonicalizerTests
{
    private const string Diamond = """
        _:a <urn:p> _:b .
        _:a <urn:p> _:c .
        _:b <urn:p> _:d .
        _:c <urn:p> _:d .
        """;

    [Fact]
    public void Dataset_without_blank_nodes_is_sorted_and_deduplicated()
    {
        var result = Rdfc10Canonicalizer.Canonicalize("<urn:s> <urn:p> \"b\" .\n<urn:s> <urn:p> \"a\" <urn:g> .\n<urn:s> <urn:p> \"b\" .\n");

        result.CanonicalNQuads.Should().Be("<urn:s> <urn:p> \"a\" <urn:g> .\n<urn:s> <urn:p> \"b\" .\n");
        result.IssuedIdentifiers.Should().BeEmpty();
        result.CanonicalQuads.Should().HaveCount(2);
    }

    [Fact]
    public void Result_does_not_depend_on_labels_or_order()
    {
        var one = Rdfc10Canonicalizer.Canonicalize(Diamond);
        var other = Rdfc10Canonicalizer.Canonicalize(string.Join("\n", Diamond.Replace("_:a", "_:x9").Split('\n').Reverse()));

        other.CanonicalNQuads.Should().Be(one.CanonicalNQuads);
        one.IssuedIdentifiers.Values.Should().BeEquivalentTo(["c14n0", "c14n1", "c14n2", "c14n3"]);
    }

    [Fact]
    public void Sha384_changes_the_result_of_the_n_degree_hashes()
    {
        var sha256 = Rdfc10Canonicalizer.Canonicalize(Diamond);
        var sha384 = Rdfc10Canonicalizer.Canonicalize(Diamond, new Rdfc10Options { HashAlgorithm = Rdfc10HashAlgorithm.Sha384 });

        sha384.CanonicalQuads.Should().HaveCount(4);
        sha384.IssuedIdentifiers.Keys.Should().BeEquivalentTo(sha256.IssuedIdentifiers.Keys);
    }

    [Fact]
    public void Work_factor_zero_rejects_any_n_degree_hashing()
    {
        var act = () => Rdfc10Canonicalizer.Canonicalize(Diamond, new Rdfc10Options { MaxWorkFactor = 0 });

        act.Should().Throw<RdfcWorkLimitExceededException>().Which.Limit.Should().Be("MaxDeepIterations");
    }

    [Fact]
    public void Permutation_limit_is_enforced()
    {
        // One node related to eight indistinguishable nodes: 8! permutations without recursion.
        string star = string.Concat(Enumerable.Range(0, 8).Select(i => $"_:hub <urn:p> _:leaf{i} .\n"))
            + string.Concat(Enumerable.Range(0, 8).Select(i => $"_:hub2 <urn:p> _:leaf{i} .\n"));
        var act = () => Rdfc10Canonicalizer.Canonicalize(star, new Rdfc10Options { MaxPermutations = 1000 });

        act.Should().Throw<RdfcWorkLimitExceededException>().Which.Limit.Should().Be("MaxPermutations");
    }

    [Fact]
    public void Utf8_buffer_output_equals_the_string_result()
    {
        string input = File.ReadAllText(Path.Combine(RdfTestPaths.SharedDir, "w3c", "rdf-canon", "rdfc10", "test060-in.nq"))
            + Diamond;
        var dataset = NQuadsParser.Parse(input);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        var issued = Rdfc10Canonicalizer.Canonicalize(dataset, buffer);
        var result = Rdfc10Canonicalizer.Canonicalize(dataset);

        System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Be(result.CanonicalNQuads);
        issued.Should().BeEquivalentTo(result.IssuedIdentifiers);
        NQuadsSerializer.Serialize(result.CanonicalQuads).Should().Be(result.CanonicalNQuads);
    }

    [Fact]
    public void Literal_subject_is_rejected_with_a_clear_error()
    {
        var quad = new Quad(RdfTerm.Literal("x"), RdfTerm.Iri("urn:p"), RdfTerm.Iri("urn:o"), RdfTerm.DefaultGraph);
        var act = () => Rdfc10Canonicalizer.Canonicalize([quad]);

        act.Should().Throw<ArgumentException>().WithMessage("*not allowed*");
    }
}
