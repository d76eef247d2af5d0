using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.LinkedData.JsonLd;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>Safe mode: cases jsonld.js (<c>safe: true</c>) rejects raise "safe mode validation error" naming the term.</summary>
public sealed class SafeModeTests
{
    private const string Vc11 = "https://www.w3.org/2018/credentials/v1";

    private static JsonNode Credential(string subjectJson, string extra = "") => JsonNode.Parse($$"""
        {
          "@context": ["{{Vc11}}"],
          "id": "urn:uuid:1",
          "type": ["VerifiableCredential"],
          "issuer": "did:example:issuer",
          "issuanceDate": "2024-01-01T00:00:00Z",
          {{extra}}
          "credentialSubject": {{subjectJson}}
        }
        """)!;

    private static JsonLdException SafeError(JsonNode? doc)
    {
        var act = () => JsonLdProcessor.Expand(doc, new JsonLdOptions { SafeMode = true });
        return act.Should().Throw<JsonLdException>().Which;
    }

    [Fact]
    public void UndefinedTermIsRejected()
    {
        var doc = Credential("""{"id": "did:example:subject", "favouriteColour": "blue"}""");
        var e = SafeError(doc);
        e.Code.Should().Be(JsonLdErrorCode.SafeModeValidationError);
        e.Message.Should().Contain("favouriteColour").And.Contain("invalid property");
    }

    [Fact]
    public void UndefinedTermIsDroppedOutsideSafeMode()
    {
        var doc = Credential("""{"id": "did:example:subject", "favouriteColour": "blue"}""");
        var expanded = JsonLdProcessor.Expand(doc, new JsonLdOptions());
        expanded.ToJsonString().Should().NotContain("favouriteColour").And.NotContain("blue");
    }

    [Fact]
    public void RelativeIdIsRejected()
    {
        var doc = Credential("""{"id": "subjects/42"}""");
        var e = SafeError(doc);
        e.Code.Should().Be(JsonLdErrorCode.SafeModeValidationError);
        e.Message.Should().Contain("relative @id reference").And.Contain("subjects/42");
    }

    [Fact]
    public void RelativeTypeIsRejected()
    {
        var doc = Credential("""{"id": "did:example:subject"}""", "\"evidence\": {\"type\": \"UndefinedEvidence\"},");
        var e = SafeError(doc);
        e.Message.Should().Contain("relative @type reference").And.Contain("UndefinedEvidence");
    }

    [Fact]
    public void RelativeIdViaTypeCoercionIsRejected()
    {
        var doc = Credential("""{"id": "did:example:subject"}""", "\"credentialStatus\": {\"id\": \"status#1\", \"type\": \"StatusList2021Entry\"},");
        var e = SafeError(doc);
        e.Message.Should().Contain("status#1");
    }

    [Fact]
    public void ReservedTermInContextIsRejected()
    {
        var doc = JsonNode.Parse("""{"@context": {"@foo": "http://example.org/foo"}, "@id": "http://example.org/x", "http://example.org/p": "v"}""");
        SafeError(doc).Message.Should().Contain("reserved term").And.Contain("@foo");
    }

    [Fact]
    public void RelativeVocabIsRejected()
    {
        var doc = JsonNode.Parse("""{"@context": {"@vocab": "relative/"}, "@id": "http://example.org/x", "p": "v"}""");
        SafeError(doc).Message.Should().Contain("relative @vocab reference");
    }

    [Fact]
    public void FreeFloatingNodeWithOnlyIdIsRejected()
    {
        var doc = JsonNode.Parse("""{"@id": "http://example.org/x"}""");
        SafeError(doc).Message.Should().Contain("object with only @id");
    }

    [Fact]
    public void InvalidLanguageTagIsRejected()
    {
        var doc = JsonNode.Parse("""{"@id": "http://example.org/x", "http://example.org/p": {"@value": "v", "@language": "not a tag"}}""");
        SafeError(doc).Message.Should().Contain("invalid @language value");
    }

    [Fact]
    public void NullValueIsRejected()
    {
        var doc = JsonNode.Parse("""{"@id": "http://example.org/x", "http://example.org/p": {"@value": null}}""");
        SafeError(doc).Message.Should().Contain("null @value value");
    }

    [Fact]
    public void ToRdfInSafeModeRejectsRelativeSubjectAtExpansion()
    {
        var doc = JsonNode.Parse("""{"@id": "relative", "http://example.org/p": "v"}""");
        var act = () => JsonLdProcessor.ToRdf(doc, new JsonLdOptions { SafeMode = true });
        act.Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.SafeModeValidationError);
    }

    [Fact]
    public void WellFormedCredentialPasses()
    {
        var doc = Credential("""{"id": "did:example:subject"}""");
        JsonLdProcessor.Expand(doc, new JsonLdOptions { SafeMode = true }).Should().HaveCount(1);
    }
}

/// <summary>Language tags are normalised to lower case, as jsonld.js does (so canonical N-Quads agree).</summary>
public sealed class LanguageTagTests
{
    [Fact]
    public void LanguageTagsAreLowerCasedLikeJsonLdJs()
    {
        var doc = JsonNode.Parse("""
            {"@context": {"@language": "en-GB", "p": "http://ex.org/p", "m": {"@id": "http://ex.org/m", "@container": "@language"},
                          "t": {"@id": "http://ex.org/t", "@language": "de-AT"}},
             "@id": "http://ex.org/s", "p": "x", "t": "y", "m": {"fr-CA": "z"}, "http://ex.org/q": {"@value": "w", "@language": "EN-us"}}
            """);
        var nquads = VcService.LinkedData.Rdf.NQuadsSerializer.Serialize(JsonLdProcessor.ToRdf(doc, new JsonLdOptions()));
        // Output of jsonld.js 9.0.0 toRDF for the same document.
        nquads.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo(
            "<http://ex.org/s> <http://ex.org/m> \"z\"@fr-ca .",
            "<http://ex.org/s> <http://ex.org/p> \"x\"@en-gb .",
            "<http://ex.org/s> <http://ex.org/q> \"w\"@en-us .",
            "<http://ex.org/s> <http://ex.org/t> \"y\"@de-at .");
    }
}

public sealed class SafeModeToRdfTests
{
    [Fact]
    public void DirectionWithoutRdfDirectionIsRejectedInSafeMode()
    {
        var doc = JsonNode.Parse("""{"@id": "http://example.org/x", "http://example.org/p": {"@value": "v", "@language": "ar", "@direction": "rtl"}}""");
        var act = () => JsonLdProcessor.ToRdf(doc, new JsonLdOptions { SafeMode = true });
        act.Should().Throw<JsonLdException>().Which.Message.Should().Contain("rdfDirection not set");
        JsonLdProcessor.ToRdf(doc, new JsonLdOptions()).Should().ContainSingle();
        JsonLdProcessor.ToRdf(doc, new JsonLdOptions { SafeMode = true, RdfDirection = "i18n-datatype" }).Single().Object.Datatype
            .Should().Be("https://www.w3.org/ns/i18n#ar_rtl");
    }
}
