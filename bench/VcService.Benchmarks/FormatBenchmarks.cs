using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using VcService.Credentials.DataIntegrity;
using VcService.Credentials.Dids;
using VcService.Credentials.Jose;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.Crypto;
using VcService.MicroCredentials.Verification;
using DI = VcService.Credentials.DataIntegrity.DataIntegrity;

namespace VcService.Benchmarks;

/// <summary>
/// Issue (secure) and verify (the format → signature → validity pipeline, did:key resolved offline;
/// and with the Annex I check, as the API and CLI run it)
/// per issuance format of the API, on the service's renderings of samples/mc-ects-eqf.json:
/// elm (samples/elm, VC 1.1) and obv3 (samples/obv3, VC 2.0). jwt goes with elm, vc+jwt with obv3,
/// the Data Integrity formats with both.
/// </summary>
[MemoryDiagnoser]
public class FormatBenchmarks
{
    private CredentialVerifier _verifier = null!;
    private CredentialVerifier _fullVerifier = null!;
    private SigningKey? _key;
    private string _kid = "";
    private JsonObject _unsigned = new();
    private JsonNode _secured = JsonValue.Create("")!;
    private DateTimeOffset _created;

    /// <summary>profile/format pairs the issuer API allows (those whose sample exists).</summary>
    public static IEnumerable<string> Cases()
    {
        foreach (var (profile, format) in new[]
        {
            ("elm", "jwt"), ("elm", "di-eddsa-rdfc-2022"), ("elm", "di-eddsa-jcs-2022"), ("elm", "di-ecdsa-rdfc-2019"),
            ("obv3", "vc+jwt"), ("obv3", "di-eddsa-rdfc-2022"), ("obv3", "di-eddsa-jcs-2022"), ("obv3", "di-ecdsa-rdfc-2019"),
        })
        {
            if (File.Exists(BenchmarkData.ProfileSample(profile)))
            {
                yield return $"{profile} {format}";
            }
        }
    }

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "elm jwt";

    private string Profile => Case.Split(' ')[0];

    private string Format => Case.Split(' ')[1];

    private ICryptosuite? Suite => Format.StartsWith("di-", StringComparison.Ordinal) ? Cryptosuites.ByName(Format[3..]) : null;

    [GlobalSetup]
    public void Setup()
    {
        _key = SigningKey.Generate(Suite?.KeyType ?? KeyType.Ed25519);
        var multikey = _key.PublicKey.ToMultikey();
        var did = "did:key:" + multikey;
        _kid = did + "#" + multikey;
        _unsigned = (JsonObject)JsonNode.Parse(File.ReadAllText(BenchmarkData.ProfileSample(Profile)))!;
        _unsigned.Remove("proof");
        _unsigned.Remove("credentialStatus");
        if (_unsigned["issuer"] is JsonObject issuer)
        {
            issuer["id"] = did;
        }
        else
        {
            _unsigned["issuer"] = did;
        }
        _created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _verifier = new CredentialVerifier(
            [new FormatCheck(), new SignatureCheck(new CompositeDidResolver([new DidKeyResolver()])), new ValidityCheck()], TimeProvider.System);
        _fullVerifier = new CredentialVerifier(
            [new FormatCheck(), new SignatureCheck(new CompositeDidResolver([new DidKeyResolver()])), new ValidityCheck(), new AnnexICheck()], TimeProvider.System);
        _secured = Issue();
        if (!Verify())
        {
            throw new InvalidOperationException($"{Case}: benchmark credential does not verify");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key?.Dispose();

    [Benchmark(Description = "issue")]
    public JsonNode Issue() => Format switch
    {
        "jwt" => JsonValue.Create(JwtVc.Sign(_unsigned, _key!, _kid)),
        "vc+jwt" => JsonValue.Create(VcJwt.Sign(_unsigned, _key!, _kid)),
        _ => DI.AddProof(_unsigned, Suite!, _key!, new DataIntegrityProofOptions(_kid, _created)),
    };

    [Benchmark(Description = "verify")]
    public bool Verify() => _verifier.VerifyAsync(_secured, CancellationToken.None).GetAwaiter().GetResult().Verified;

    [Benchmark(Description = "verify + Annex I view")]
    public bool VerifyWithAnnexI() => _fullVerifier.VerifyAsync(_secured, CancellationToken.None).GetAwaiter().GetResult().Verified;
}
