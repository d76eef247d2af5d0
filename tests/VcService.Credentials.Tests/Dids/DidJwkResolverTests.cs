using System.Text;
using FluentAssertions;
using VcService.Credentials.Dids;
using VcService.Crypto;

namespace VcService.Credentials.Tests.Dids;

public sealed class DidJwkResolverTests
{
    private readonly DidJwkResolver _resolver = new();

    [Fact]
    public async Task The_did_jwk_spec_P256_example_resolves_to_method_0()
    {
        // did:jwk spec, example: a P-256 key with "use": "sig".
        const string did = "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9";
        var result = await _resolver.ResolveAsync(did, CancellationToken.None);
        result.Error.Should().BeNull();
        var method = result.Document!.VerificationMethods.Should().ContainSingle().Subject;
        method.Id.Should().Be(did + "#0");
        method.PublicKey.Type.Should().Be(KeyType.P256);
        result.Document.IsAssertionMethod(did + "#0").Should().BeTrue();
    }

    [Theory]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.P256)]
    public async Task Round_trip(KeyType type)
    {
        using var key = SigningKey.Generate(type);
        var did = DidJwkResolver.ToDid(key.PublicKey);
        var result = await _resolver.ResolveAsync(did, CancellationToken.None);
        result.Document!.FindMethod("#0")!.PublicKey.Should().Be(key.PublicKey);
    }

    [Theory]
    [InlineData("did:jwk:!!!", "Invalid did:jwk")]
    [InlineData("did:jwk:WzFd", "does not decode to a JSON object")]
    public async Task Malformed_identifiers_are_not_found(string did, string error)
    {
        var result = await _resolver.ResolveAsync(did, CancellationToken.None);
        result.Document.Should().BeNull();
        result.Error.Should().Contain(error);
    }

    [Fact]
    public async Task Private_key_material_and_encryption_keys()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var jwk = key.PublicKey.ToJwk();
        jwk["d"] = "AAAA";
        var withD = "did:jwk:" + Base64Url.Encode(Encoding.UTF8.GetBytes(jwk.ToJsonString()));
        (await _resolver.ResolveAsync(withD, CancellationToken.None)).Error.Should().Contain("private key material");

        jwk.Remove("d");
        jwk["use"] = "enc";
        var enc = "did:jwk:" + Base64Url.Encode(Encoding.UTF8.GetBytes(jwk.ToJsonString()));
        var result = await _resolver.ResolveAsync(enc, CancellationToken.None);
        result.Document!.IsAssertionMethod(enc + "#0").Should().BeFalse("a key for encryption may not assert");
    }

    [Fact]
    public async Task P256_did_key_resolves()
    {
        const string did = "did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP";
        var result = await new DidKeyResolver().ResolveAsync(did, CancellationToken.None);
        result.Document!.FindMethod("#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP")!.PublicKey.Type.Should().Be(KeyType.P256);
    }
}
