using System.Text.Json;
using VcService.Credentials.Dids;
using VcService.Credentials.Verification;

namespace VcService.MicroCredentials.Trust;

/// <summary>
/// One entry of the operator's trusted issuer list (configuration <c>VcService:Trust:Issuers</c> or
/// the JSON file <c>VcService:Trust:ListFile</c>). Settable properties so configuration can bind it.
/// </summary>
public sealed class TrustedIssuerEntry
{
    public string? Did { get; set; }
    /// <summary>Legal name as a language map, e.g. <c>{"en": "…", "de": "…"}</c>.</summary>
    public Dictionary<string, string>? LegalName { get; set; }
    /// <summary>ISO 3166-1 alpha-2 or alpha-3 of the legal seat.</summary>
    public string? Country { get; set; }
    /// <summary>Free text: the accreditation or quality assurance that justifies the entry.</summary>
    public string? Accreditation { get; set; }
    public string? DeqarId { get; set; }
}

/// <summary>The operator's trusted issuer list: exact DID → who the issuer is. Validated when loaded.</summary>
public sealed class TrustedIssuerList : ITrustSource
{
    /// <summary>Explicit limits of the list.</summary>
    public const int MaxEntries = 10_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private readonly Dictionary<string, RecognisedIssuer> _byDid;

    private TrustedIssuerList(Dictionary<string, RecognisedIssuer> byDid) => _byDid = byDid;

    public static readonly TrustedIssuerList Empty = new([]);

    public int Order => 200;

    public int Count => _byDid.Count;

    public Task<TrustSourceAnswer> FindAsync(IssuerClaims claims, CancellationToken cancellationToken) =>
        Task.FromResult(_byDid.TryGetValue(claims.Did, out var issuer) ? TrustSourceAnswer.Found(issuer) : TrustSourceAnswer.None);

    /// <summary>Builds the list; every invalid entry is reported with its path (e.g. <c>issuers[2].did</c>), and then there is no list.</summary>
    public static (TrustedIssuerList? List, IReadOnlyList<string> Errors) Create(IEnumerable<(TrustedIssuerEntry Entry, string Path)> entries, string source)
    {
        var errors = new List<string>();
        var byDid = new Dictionary<string, RecognisedIssuer>(StringComparer.Ordinal);
        foreach (var (entry, path) in entries)
        {
            if (byDid.Count >= MaxEntries)
            {
                errors.Add($"{path}: the list has more than {MaxEntries} entries");
                break;
            }
            var before = errors.Count;
            if (entry.Did is null || !DidUrl.IsDid(entry.Did.Trim()))
                errors.Add($"{path}.did: a DID is required (e.g. did:web:credentials.example.edu), got '{entry.Did}'");
            var names = entry.LegalName?.Where(kv => !string.IsNullOrWhiteSpace(kv.Key) && !string.IsNullOrWhiteSpace(kv.Value))
                .ToDictionary(kv => kv.Key.Trim(), kv => kv.Value.Trim(), StringComparer.Ordinal);
            if (names is null || names.Count == 0)
                errors.Add($"{path}.legalName: a language map with at least one name is required, e.g. {{\"en\": \"…\"}}");
            var country = entry.Country is null ? null : CountryNames.ToAlpha2(entry.Country);
            if (country is null)
                errors.Add($"{path}.country: an ISO 3166-1 country code is required, got '{entry.Country}'");
            var deqarId = entry.DeqarId is null ? null : DeqarIds.Normalize(entry.DeqarId);
            if (entry.DeqarId is not null && deqarId is null)
                errors.Add($"{path}.deqarId: '{entry.DeqarId}' is not a DEQAR institution id (DEQARINST…)");
            if (entry.Accreditation?.Length > 2_000)
                errors.Add($"{path}.accreditation: longer than 2000 characters");
            if (errors.Count > before)
                continue;
            var did = entry.Did!.Trim();
            if (byDid.ContainsKey(did))
            {
                errors.Add($"{path}.did: '{did}' is listed twice");
                continue;
            }
            byDid[did] = new RecognisedIssuer
            {
                Did = did,
                Kind = RecognitionKinds.List,
                LegalName = names!,
                Country = country!,
                DeqarId = deqarId,
                Accreditation = string.IsNullOrWhiteSpace(entry.Accreditation) ? null : entry.Accreditation.Trim(),
                Source = source,
            };
        }
        return errors.Count > 0 ? (null, errors) : (new TrustedIssuerList(byDid), errors);
    }

    /// <summary>
    /// Reads a list file: <c>{"issuers": [{"did", "legalName", "country", "accreditation", "deqarId"}, …]}</c>
    /// (or the bare array).
    /// </summary>
    public static (IReadOnlyList<(TrustedIssuerEntry Entry, string Path)> Entries, IReadOnlyList<string> Errors) ReadFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            return ([], [$"{path}: the trusted issuer list file does not exist"]);
        if (file.Length > MaxFileBytes)
            return ([], [$"{path}: larger than {MaxFileBytes} bytes"]);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var array = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement
                : document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("issuers", out var issuers) && issuers.ValueKind == JsonValueKind.Array
                    ? issuers
                    : (JsonElement?)null;
            if (array is null)
                return ([], [$"{path}: expected {{\"issuers\": [ … ]}}"]);
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
            var entries = new List<(TrustedIssuerEntry, string)>();
            var errors = new List<string>();
            var i = 0;
            foreach (var item in array.Value.EnumerateArray())
            {
                try
                {
                    entries.Add((item.Deserialize<TrustedIssuerEntry>(options) ?? new TrustedIssuerEntry(), $"issuers[{i}]"));
                }
                catch (JsonException e)
                {
                    errors.Add($"issuers[{i}]: {e.Message}");
                }
                i++;
            }
            return (entries, errors);
        }
        catch (JsonException e)
        {
            return ([], [$"{path}: not valid JSON: {e.Message}"]);
        }
    }
}
