using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>
/// toRdf of credential documents equals (as RDF datasets) the output of digitalbazaar jsonld.js 9.0.0
/// (<c>toRDF</c>, <c>safe: true</c>, the same bundled contexts), recorded in Fixtures/*.jsonldjs.nq.
/// </summary>
public sealed class JsonLdJsInteropTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "JsonLd", "Fixtures", name);

    [Theory]
    [InlineData("ob3-credential.json", "ob3-credential.jsonldjs.nq")]
    [InlineData("vc11-ob-statuslist-credential.json", "vc11-ob-statuslist-credential.jsonldjs.nq")]
    [InlineData("@elm", "elm-sample.jsonldjs.nq")]
    [InlineData("did-document.json", "did-document.jsonldjs.nq")]
    [InlineData("vc2-bitstring-status-list-credential.json", "vc2-bitstring-status-list-credential.jsonldjs.nq")]
    [InlineData("vc11-status-list-2021-credential.json", "vc11-status-list-2021-credential.jsonldjs.nq")]
    public void ToRdfMatchesJsonLdJs(string input, string expected)
    {
        var path = input == "@elm" ? CredentialDocumentsTests.ElmSamplePath : Fixture(input);
        var doc = JsonNode.Parse(File.ReadAllText(path));
        var actual = JsonLdProcessor.ToRdf(doc, new JsonLdOptions { SafeMode = true });
        var reference = NQuadsParser.Parse(File.ReadAllText(Fixture(expected)));
        actual.Distinct().Should().HaveSameCount(reference);
        RdfIsomorphism.AreIsomorphic(reference, actual).Should().BeTrue();
    }
}
