using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using VcService.Credentials.Dids;
using VcService.Credentials.Jose;
using VcService.Credentials.Status;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.Crypto;

namespace VcService.Benchmarks;

/// <summary>
/// Issue #5 figures: the status check per verification with the list already cached (revocation
/// and suspension entries), and re-signing a full 131,072-entry list after a bit changed.
/// </summary>
[MemoryDiagnoser]
public class StatusBenchmarks
{
    private const string RevocationUrl = "https://status.example/lists/revocation";
    private const string SuspensionUrl = "https://status.example/lists/suspension";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Share of the list's bits that are set: 1 % (typical) or 50 % random (incompressible, the worst case for size and time).</summary>
    [Params(1, 50)]
    public int PercentSet { get; set; }

    private SigningKey _key = null!;
    private string _did = null!;
    private string _kid = null!;
    private BitstringStatusList _list = null!;
    private StatusCheck _warmCheck = null!;
    private StatusListResolver _cachedResolver = null!;
    private CompositeDidResolver _dids = null!;
    private VerificationContext _context = null!;
    private string _signedList = null!;
    private string _encoded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = SigningKey.Generate(KeyType.Ed25519);
        _did = "did:key:" + _key.PublicKey.ToMultikey();
        _kid = _did + "#" + _key.PublicKey.ToMultikey();
        var random = new Random(5);
        _list = new BitstringStatusList();
        for (var i = 0; i < _list.Length; i++)
            if (random.Next(100) < PercentSet)
                _list.Set(i, true);

        var remote = new InMemoryFetcher();
        remote.Lists[RevocationUrl] = Sign(RevocationUrl, StatusPurpose.Revocation, _list);
        remote.Lists[SuspensionUrl] = Sign(SuspensionUrl, StatusPurpose.Suspension, new BitstringStatusList());
        _signedList = remote.Lists[RevocationUrl];
        _encoded = _list.Encode(EncodedListForm.Base64Url);
        _cachedResolver = new StatusListResolver([new CachingStatusListFetcher(remote, TimeProvider.System)]);
        _dids = new CompositeDidResolver([new DidKeyResolver()]);
        _warmCheck = new StatusCheck(_cachedResolver, _dids);

        var clear = Enumerable.Range(0, _list.Length).First(i => !_list.Get(i));
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", StatusList2021Entry.Context),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = _did,
            ["issuanceDate"] = "2026-11-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject(),
            ["credentialStatus"] = new JsonArray(
                StatusList2021Entry.Render(RevocationUrl, clear, StatusPurpose.Revocation),
                StatusList2021Entry.Render(SuspensionUrl, clear, StatusPurpose.Suspension)),
        };
        _context = new VerificationContext(credential, Now) { Credential = credential, IssuerDid = _did };
        var warm = _warmCheck.RunAsync(_context, CancellationToken.None).GetAwaiter().GetResult();
        if (warm.Status != CheckStatus.Ok)
            throw new InvalidOperationException(warm.Message);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    private string Sign(string url, string purpose, BitstringStatusList list) =>
        JwtVc.Sign(StatusList2021Credential.Render(new StatusListCredentialInput(url, _did, purpose, list, Now, Now.AddDays(1), null)), _key, _kid);

    [Benchmark(Description = "status check, warm cache (2 entries)")]
    public CheckResult StatusCheckWarm() => _warmCheck.RunAsync(_context, CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark(Description = "status check, list cached, first verification of it (signature + gunzip, 2 entries)")]
    public CheckResult StatusCheckFirstUse() =>
        new StatusCheck(_cachedResolver, _dids).RunAsync(_context, CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark(Description = "re-sign full list (render + gzip + JWT EdDSA)")]
    public string ResignFullList() => Sign(RevocationUrl, StatusPurpose.Revocation, _list);

    [Benchmark(Description = "encodedList only (gzip + base64url)")]
    public string EncodeOnly() => _list.Encode(EncodedListForm.Base64Url);

    [Benchmark(Description = "decode encodedList (base64url + gunzip)")]
    public int DecodeOnly() => BitstringStatusList.Decode(_encoded, EncodedListForm.Base64Url).List!.Length;

    public int SignedListLength => _signedList.Length;

    private sealed class InMemoryFetcher : IStatusListFetcher
    {
        public Dictionary<string, string> Lists { get; } = [];
        public bool CanFetch(Uri url) => true;
        public Task<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken) =>
            Task.FromResult(StatusListFetchResult.Ok(Lists[url.AbsoluteUri], "application/jwt", TimeSpan.FromMinutes(5)));
    }
}
