using FluentAssertions;
using VcService.Credentials.DataIntegrity;
using VcService.Crypto;
using DI = VcService.Credentials.DataIntegrity.DataIntegrity;

namespace VcService.Credentials.Tests.DataIntegrity;

/// <summary>The shared suite instances hold no per-call state: concurrent issue and verify agree.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_issue_and_verify_with_the_shared_suites()
    {
        var unsigned = TestVectors.Json(Path.Combine(TestVectors.Eddsa, "unsigned.json"));
        var keys = Cryptosuites.All.ToDictionary(s => s.Name, s => SigningKey.Generate(s.KeyType));
        try
        {
            var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            {
                var suite = Cryptosuites.All[i % Cryptosuites.All.Count];
                var key = keys[suite.Name];
                var vm = "did:key:" + key.PublicKey.ToMultikey() + "#" + key.PublicKey.ToMultikey();
                var document = (System.Text.Json.Nodes.JsonObject)unsigned.DeepClone();
                document["name"] = $"Credential {i}";
                var signed = DI.AddProof(document, suite, key, new DataIntegrityProofOptions(vm, DateTimeOffset.UnixEpoch.AddDays(i)));
                var result = await TestVectors.VerifyAsync(signed);
                return result.Verified;
            }));
            (await Task.WhenAll(tasks)).Should().OnlyContain(v => v);
        }
        finally
        {
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }
        }
    }
}
