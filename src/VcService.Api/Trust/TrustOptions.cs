using VcService.Credentials.Net;
using VcService.MicroCredentials.Trust;

namespace VcService.Api.Trust;

/// <summary>The <c>VcService:DidWeb</c> section: did:web resolution and the SSRF rules of every outbound fetch.</summary>
public sealed class DidWebSettings
{
    public const string Section = "VcService:DidWeb";

    /// <summary>Resolve did:web DIDs of other issuers over HTTPS (own tenants always resolve locally).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hosts that may be fetched over plain http (e.g. <c>localhost</c> in development); entries may be comma-separated.</summary>
    public List<string> AllowHttpHosts { get; set; } = [];

    /// <summary>Hosts that may be (or resolve to) loopback, private or link-local addresses; entries may be comma-separated.</summary>
    public List<string> AllowPrivateHosts { get; set; } = [];

    /// <summary>Longest wait for one DID document, in seconds.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Largest DID document accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 256 * 1024;

    /// <summary>How long a resolved DID document is reused, in seconds.</summary>
    public double CacheTtlSeconds { get; set; } = 300;

    public SafeHttpOptions ToFetcherOptions(double timeoutSeconds, long maxBytes) => new()
    {
        AllowHttpHosts = Split(AllowHttpHosts),
        AllowPrivateHosts = Split(AllowPrivateHosts),
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        MaxResponseBytes = maxBytes,
    };

    private static string[] Split(List<string> hosts) =>
        hosts.SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
}

/// <summary>The <c>VcService:RemoteStatusLists</c> section: fetching other issuers' status lists (same SSRF rules as did:web).</summary>
public sealed class RemoteStatusListSettings
{
    public const string Section = "VcService:RemoteStatusLists";

    public bool Enabled { get; set; } = true;

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Largest status list credential accepted, in bytes (a 131,072-entry list is ~20 KB compressed).</summary>
    public long MaxBytes { get; set; } = 4 * 1024 * 1024;
}

/// <summary>The <c>VcService:Trust</c> section: the trusted issuer list and how recognition affects <c>verified</c>.</summary>
public sealed class TrustSettings
{
    public const string Section = "VcService:Trust";

    /// <summary>
    /// A JSON file <c>{"issuers": [{"did", "legalName", "country", "accreditation", "deqarId"}]}</c>, read at start-up
    /// (an invalid file stops the start) and again when it changes (see <see cref="ListReloadSeconds"/>).
    /// </summary>
    public string? ListFile { get; set; }

    /// <summary>
    /// How often (seconds) a verification looks whether <see cref="ListFile"/> changed; a changed file that no longer
    /// validates is refused with an error in the log and the list in use stays. 0: read at start-up only. Default 10.
    /// </summary>
    public int ListReloadSeconds { get; set; } = 10;

    /// <summary>Trusted issuers given directly in configuration (<c>VcService__Trust__Issuers__0__Did</c>, …).</summary>
    public List<TrustedIssuerEntry> Issuers { get; set; } = [];

    /// <summary>When true, an unrecognised issuer fails the issuer check and so <c>verified</c>. Default false.</summary>
    public bool RequireRecognisedIssuer { get; set; }

    /// <summary>Builds the trusted issuer list from the configuration entries and the file; errors name the entry.</summary>
    public (TrustedIssuerList? List, IReadOnlyList<string> Errors) BuildList()
    {
        var entries = Issuers.Select((e, i) => (e, $"{Section}:Issuers[{i}]")).ToList();
        var errors = new List<string>();
        var source = "trusted issuer list (configuration)";
        if (!string.IsNullOrWhiteSpace(ListFile))
        {
            var (fileEntries, fileErrors) = TrustedIssuerList.ReadFile(ListFile);
            entries.AddRange(fileEntries.Select(f => (f.Entry, $"{ListFile}: {f.Path}")));
            errors.AddRange(fileErrors);
            source = $"trusted issuer list ({Path.GetFileName(ListFile)})";
        }
        var (list, listErrors) = TrustedIssuerList.Create(entries, source);
        errors.AddRange(listErrors);
        return errors.Count > 0 ? (null, errors) : (list, errors);
    }
}
