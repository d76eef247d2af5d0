using System.Text.Json.Nodes;
using FluentAssertions;
using VcService.Credentials.Dids;
using VcService.Crypto;

namespace VcService.Credentials.Tests.Dids;

public sealed class DidDocumentTests
{
    private const string Did = "did:web:vc.example.edu:issuers:demo";

    [Fact]
    public void Round_trips_multikey_and_jwk_methods()
    {
        using var ed = SigningKey.Generate(KeyType.Ed25519);
        using var p256 = SigningKey.Generate(KeyType.P256);
        var document = new DidDocument(Did,
            [
                new VerificationMethod(Did + "#key-1", VerificationMethodTypes.Multikey, Did, ed.PublicKey),
                new VerificationMethod(Did + "#key-2-jwk", VerificationMethodTypes.JsonWebKey, Did, p256.PublicKey),
            ],
            [Did + "#key-1", Did + "#key-2-jwk"]);

        var parsed = DidDocument.Parse(document.ToJson(), Did);

        parsed.VerificationMethods.Should().HaveCount(2);
        parsed.FindMethod("#key-1")!.PublicKey.Should().Be(ed.PublicKey);
        parsed.FindMethod(Did + "#key-2-jwk")!.PublicKey.Should().Be(p256.PublicKey);
        parsed.IsAssertionMethod(Did + "#key-2-jwk").Should().BeTrue();
    }

    [Fact]
    public void Relative_references_and_embedded_methods_are_resolved_against_the_did()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var json = JsonNode.Parse($$"""
            {"id": "{{Did}}",
             "verificationMethod": [{"id": "#a", "type": "Multikey", "controller": "{{Did}}", "publicKeyMultibase": "{{key.PublicKey.ToMultikey()}}"}],
             "assertionMethod": ["#a", {"id": "#b", "type": "Multikey", "publicKeyMultibase": "{{key.PublicKey.ToMultikey()}}"}]}
            """)!.AsObject();
        var document = DidDocument.Parse(json, Did);
        document.AssertionMethod.Should().Equal(Did + "#a", Did + "#b");
        document.FindMethod("#b").Should().NotBeNull();
    }

    [Fact]
    public void A_document_for_another_did_is_refused()
    {
        var json = JsonNode.Parse("""{"id": "did:web:evil.example"}""")!.AsObject();
        var act = () => DidDocument.Parse(json, Did);
        act.Should().Throw<FormatException>().WithMessage("*does not match*");
    }

    [Fact]
    public void Methods_with_undecodable_keys_are_left_out()
    {
        var json = JsonNode.Parse($$$"""
            {"id": "{{{Did}}}", "verificationMethod": [
              {"id": "#bad", "type": "Multikey", "publicKeyMultibase": "zNotAKey"},
              {"id": "#jwk", "type": "JsonWebKey", "publicKeyJwk": {"kty": "RSA", "n": "x", "e": "AQAB"}},
              {"type": "Multikey"}, 42]}
            """)!.AsObject();
        DidDocument.Parse(json, Did).VerificationMethods.Should().BeEmpty();
    }

    [Theory]
    [InlineData("did:web:example.com", true)]
    [InlineData("did:web:localhost%3A5000:issuers:demo", true)]
    [InlineData("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", true)]
    [InlineData("did:web:", false)]
    [InlineData("did:WEB:example.com", false)]
    [InlineData("https://example.com", false)]
    [InlineData("did:web:exa mple.com", false)]
    public void Did_syntax(string value, bool valid) => DidUrl.IsDid(value).Should().Be(valid);

    [Fact]
    public async Task Did_key_resolves_to_its_own_key()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var did = "did:key:" + key.PublicKey.ToMultikey();
        var result = await new DidKeyResolver().ResolveAsync(did, CancellationToken.None);
        result.Document!.FindMethod("#" + key.PublicKey.ToMultikey())!.PublicKey.Should().Be(key.PublicKey);

        var bad = await new DidKeyResolver().ResolveAsync("did:key:z111", CancellationToken.None);
        bad.Document.Should().BeNull();
        bad.Error.Should().StartWith("Invalid did:key");
    }

    [Fact]
    public async Task Composite_resolver_names_what_it_cannot_resolve()
    {
        var resolver = new CompositeDidResolver([new DidKeyResolver()]);
        (await resolver.ResolveAsync("did:example:123", CancellationToken.None)).Error.Should().Contain("No resolver");
        (await resolver.ResolveAsync("not a did", CancellationToken.None)).Error.Should().Contain("not a DID");
    }
}
