using System.Text.Json.Nodes;
using FluentAssertions;

namespace VcService.Credentials.Tests.DataIntegrity;

/// <summary>Hostile documents (they come from outside) give a not-verified result, never an exception.</summary>
public sealed class HostileInputTests
{
    private const string Proof = """
        "proof": {"type": "DataIntegrityProof", "cryptosuite": "SUITE", "proofPurpose": "assertionMethod",
          "created": "2023-02-24T23:36:38Z",
          "verificationMethod": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
          "proofValue": "z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZme"}
        """;

    public static TheoryData<string> Documents() =>
    [
        "\"@context\": \"https://unknown.example/ctx\"",
        "\"@context\": [\"https://www.w3.org/ns/credentials/v2\", {\"@version\": 2}]",
        "\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"id\": \"relative/id\"",
        "\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"type\": 5",
        "\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"credentialSubject\": {\"@value\": {}}",
        "\"@context\": {\"@vocab\": \"http://e/\"}, \"a\": 1e400",
        "\"@context\": {\"@vocab\": \"http://e/\"}, \"a\": \"\\ud800\"",
        "\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"x\": " + new string('[', 300) + new string(']', 300),
        "\"@context\": null",
        "\"@context\": [{\"@import\": \"https://www.w3.org/ns/credentials/v2\"}]",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Each_suite_returns_a_result(string members)
    {
        foreach (var suite in new[] { "eddsa-rdfc-2022", "eddsa-jcs-2022", "ecdsa-rdfc-2019" })
        {
            var json = "{" + members + "," + Proof.Replace("SUITE", suite) + "}";
            var document = (JsonObject)JsonNode.Parse(json, documentOptions: new() { MaxDepth = 1000 })!;
            var result = await TestVectors.VerifyAsync(document);
            result.Verified.Should().BeFalse();
            result.Error.Should().NotBeNullOrEmpty();
        }
    }
}
