using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using VcService.Credentials.DataIntegrity;
using VcService.Crypto;
using DI = VcService.Credentials.DataIntegrity.DataIntegrity;

namespace VcService.Benchmarks;

/// <summary>
/// Data Integrity issue (Add Proof) and verify (Verify Proof, did:key resolved offline) per
/// cryptosuite, on the small W3C test-vector credential and on the ELM sample credential
/// (samples/elm/mc-ects-eqf.jsonld, VC 1.1 + edc-ap context).
/// </summary>
[MemoryDiagnoser]
public class DataIntegrityBenchmarks
{
    private static readonly Func<string, CancellationToken, Task<KeyLookupResult>> ResolveKey =
        VerificationMethodKeys.FromResolver(VerificationMethodKeys.Offline());

    private readonly DataIntegrityVerifyOptions _verifyOptions = new();
    private ICryptosuite _suite = Cryptosuites.EddsaRdfc2022;
    private SigningKey? _key;
    private JsonObject _unsigned = new();
    private JsonObject _signed = new();
    private DataIntegrityProofOptions _options = new("", DateTimeOffset.UnixEpoch);

    [Params("eddsa-rdfc-2022", "eddsa-jcs-2022", "ecdsa-rdfc-2019")]
    public string Suite { get; set; } = "eddsa-rdfc-2022";

    [Params("small", "elm")]
    public string Document { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        _suite = Cryptosuites.ByName(Suite)!;
        _key = SigningKey.Generate(_suite.KeyType);
        var multikey = _key.PublicKey.ToMultikey();
        var did = "did:key:" + multikey;
        _unsigned = (JsonObject)JsonNode.Parse(File.ReadAllText(Document == "elm" ? BenchmarkData.ElmCredential : BenchmarkData.SmallCredential))!;
        if (_unsigned["issuer"] is JsonObject issuer)
        {
            issuer["id"] = did;
        }
        else
        {
            _unsigned["issuer"] = did;
        }
        _options = new DataIntegrityProofOptions(did + "#" + multikey, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _signed = DI.AddProof(_unsigned, _suite, _key, _options);
        if (!Verify())
        {
            throw new InvalidOperationException("benchmark credential does not verify");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key?.Dispose();

    [Benchmark(Description = "issue (add proof)")]
    public JsonObject Sign() => DI.AddProof(_unsigned, _suite, _key!, _options);

    [Benchmark(Description = "verify (verify proof)")]
    public bool Verify() => DI.VerifyAsync(_signed, ResolveKey, _verifyOptions, CancellationToken.None).GetAwaiter().GetResult().Verified;
}
