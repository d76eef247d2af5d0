using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.Dids;
using VcService.Credentials.Jose;
using VcService.Credentials.Status;

namespace VcService.Credentials.Verification.Checks;

/// <summary>Limits of the status check.</summary>
public sealed record StatusCheckOptions
{
    /// <summary>Longest wait for one status list credential, whatever the fetcher does.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest status list credential accepted (characters of the compact JWS or JSON).</summary>
    public int MaxListCredentialLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>Largest uncompressed bitstring accepted (GZIP bombs).</summary>
    public int MaxDecodedBytes { get; init; } = BitstringStatusList.DefaultMaxDecodedBytes;

    /// <summary>How many verified lists are remembered (by content hash), so a warm cache costs no signature check.</summary>
    public int MaxVerifiedLists { get; init; } = 256;
}

/// <summary>
/// The <c>status</c> check (DESIGN §6): for each <c>credentialStatus</c> entry, obtains the status
/// list credential, verifies its signature and that its issuer is the credential's issuer, and reads
/// the bit — Bitstring Status List v1.0 §3.2 "Validate Algorithm", also applied to StatusList2021.
/// A set bit fails the check as revoked or suspended. When a list cannot be obtained or verified
/// the check fails: a status that cannot be confirmed is not reported as fine (fail closed).
/// </summary>
public sealed class StatusCheck(StatusListResolver lists, CompositeDidResolver dids, StatusCheckOptions? options = null) : IVerificationCheck
{
    private readonly StatusCheckOptions _options = options ?? new StatusCheckOptions();
    private readonly ConcurrentDictionary<string, VerifiedList> _verified = new(StringComparer.Ordinal);

    // A cache hands out the same string instance each time: recognising it spares even the hash.
    private readonly ConditionalWeakTable<string, VerifiedList> _byInstance = new();

    private sealed record VerifiedList(string Url, string EntryType, string? Issuer, StatusListCredentialContent Content, BitstringStatusList List);

    public string Name => CheckNames.Status;
    public int Order => 400;

    public async Task<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        // 1), 3), 7) The entries: purpose and index of each (none = nothing to check).
        var read = StatusListEntryReader.Read(context.Credential!);
        if (!read.Present)
            return CheckResult.Skipped(Name, "The credential has no credentialStatus entry.");
        if (read.Errors.Count > 0)
            return CheckResult.Failed(Name, "The credential's status entry cannot be checked: " + string.Join(" ", read.Errors));

        var findings = new List<string>();
        var set = new List<string>();
        foreach (var entry in read.Entries)
        {
            // 2), 4)-9) The list credential, verified and expanded (at least 131,072 entries).
            var (list, error) = await GetVerifiedListAsync(entry, context, cancellationToken);
            if (error is not null)
                return CheckResult.Failed(Name, $"The {entry.Purpose} status could not be checked, so the credential is not accepted: {error}");

            // 10) The bit (statusSize 1); 11)-14) the result, as a check result.
            if (entry.Index >= list!.List.Length)
                return CheckResult.Failed(Name, $"{StatusListErrors.Range}: statusListIndex {entry.Index} lies outside the status list of {list.List.Length} entries ({entry.ListCredential}).");
            var isSet = list.List.Get(entry.Index);
            if (isSet)
                set.Add(entry.Purpose == StatusPurpose.Revocation
                    ? $"The credential has been revoked (status list {entry.ListCredential}, index {entry.Index})."
                    : $"The credential is suspended (status list {entry.ListCredential}, index {entry.Index}).");
            else
                findings.Add(entry.Purpose == StatusPurpose.Revocation ? "not revoked" : "not suspended");
        }
        if (set.Count > 0)
            return CheckResult.Failed(Name, string.Join(" ", set));
        return CheckResult.Ok(Name, $"Status lists checked: {string.Join(", ", findings)}.");
    }

    private async Task<(VerifiedList? List, string? Error)> GetVerifiedListAsync(StatusListEntry entry, VerificationContext context, CancellationToken cancellationToken)
    {
        // 4) Dereference statusListCredential (STATUS_RETRIEVAL_ERROR when that fails).
        var url = new Uri(entry.ListCredential);
        StatusListFetchResult fetched;
        try
        {
            fetched = await lists.FetchAsync(url, cancellationToken).WaitAsync(_options.FetchTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return (null, $"{StatusListErrors.StatusRetrieval}: the status list {entry.ListCredential} did not arrive within {_options.FetchTimeout.TotalSeconds:0.#} s.");
        }
        if (!fetched.Success)
            return (null, $"{StatusListErrors.StatusRetrieval}: the status list {entry.ListCredential} could not be obtained: {fetched.Error}.");
        var content = fetched.Content!.Trim();
        if (content.Length > _options.MaxListCredentialLength)
            return (null, $"{StatusListErrors.StatusRetrieval}: the status list {entry.ListCredential} is larger than the limit of {_options.MaxListCredentialLength} characters.");

        if (!_byInstance.TryGetValue(content, out var verified) || verified.Url != entry.ListCredential || verified.EntryType != entry.Type)
        {
            var key = entry.Type + "\n" + entry.ListCredential + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            if (!_verified.TryGetValue(key, out verified))
            {
                var (fresh, error) = await VerifyListAsync(entry, content, cancellationToken);
                if (error is not null)
                    return (null, error);
                verified = fresh!;
                if (_verified.Count >= _options.MaxVerifiedLists)
                    _verified.Clear();
                _verified[key] = verified;
            }
            _byInstance.AddOrUpdate(content, verified);
        }

        // Checks that depend on the credential and the clock, not only on the list: never memoised.
        // Deviation: §2.2 lets the list's issuer differ from the credential's; this verifier requires
        // the same issuer (issue #5), so nobody else can revoke or reinstate an issuer's credentials.
        if (!string.Equals(verified.Issuer, context.IssuerDid, StringComparison.Ordinal))
            return (null, $"{StatusListErrors.StatusVerification}: the status list {entry.ListCredential} was issued by '{verified.Issuer}', not by the credential's issuer '{context.IssuerDid}'.");
        // 5) The entry's purpose must be one of the list's.
        if (!verified.Content.Purposes.Contains(entry.Purpose))
            return (null, $"{StatusListErrors.StatusVerification}: the status list {entry.ListCredential} has statusPurpose '{string.Join("', '", verified.Content.Purposes)}', the entry says '{entry.Purpose}'.");
        // VC Data Model validity period of the list itself (§2.2 validFrom/validUntil; 1.1: issuanceDate/expirationDate).
        if (verified.Content.ValidUntil is { } until && until <= context.Now)
            return (null, $"{StatusListErrors.StatusVerification}: the status list {entry.ListCredential} expired at {DataModel.CredentialDocument.FormatDateTime(until)}.");
        if (verified.Content.ValidFrom is { } from && from > context.Now + TimeSpan.FromMinutes(5))
            return (null, $"{StatusListErrors.StatusVerification}: the status list {entry.ListCredential} is not valid before {DataModel.CredentialDocument.FormatDateTime(from)}.");
        return (verified, null);
    }

    private async Task<(VerifiedList? List, string? Error)> VerifyListAsync(StatusListEntry entry, string content, CancellationToken cancellationToken)
    {
        // 4) ... and ensure its proofs verify (STATUS_VERIFICATION_ERROR otherwise).
        if (content.StartsWith('{'))
        {
            try
            {
                using var _ = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException)
            {
                return (null, $"{StatusListErrors.StatusVerification}: the status list {entry.ListCredential} is neither a JWT nor valid JSON.");
            }
            return (null, $"{StatusListErrors.StatusVerification}: the status list {entry.ListCredential} is secured with an embedded proof, which this verifier does not check yet (only JWT-secured lists are supported).");
        }

        var parsed = JwtVc.Parse(content);
        if (!parsed.Success)
            return (null, $"{StatusListErrors.StatusVerification}: the status list {entry.ListCredential} is not a valid JWT: {parsed.Error}.");
        var issuer = DataModel.CredentialDocument.GetIssuerId(parsed.Credential);
        if (issuer is null)
            return (null, $"{StatusListErrors.StatusVerification}: the status list {entry.ListCredential} names no issuer.");
        DateTimeOffset? signedAt = parsed.Payload["iat"] is JsonValue iat && iat.TryGetValue<long>(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DataModel.CredentialDocument.TryParseDateTime(DataModel.CredentialDocument.GetString(parsed.Credential, "validFrom")
                ?? DataModel.CredentialDocument.GetString(parsed.Credential, "issuanceDate"), out var validFrom) ? validFrom : null;
        var signatureError = await VerifyJwtSignatureAsync(content, parsed.Kid, issuer, signedAt, cancellationToken);
        if (signatureError is not null)
            return (null, $"{StatusListErrors.StatusVerification}: the signature of the status list {entry.ListCredential} does not verify: {signatureError}.");

        var (listContent, readError) = StatusListCredentialReader.Read(parsed.Credential, entry.Type);
        if (readError is not null)
            return (null, readError);
        if (listContent!.Id is not null && listContent.Id != entry.ListCredential)
            return (null, $"{StatusListErrors.StatusVerification}: the status list credential at {entry.ListCredential} has the id '{listContent.Id}' (a list served for another URL).");

        // 6), 8), 9) Expand encodedList (§3.4); fewer than 131,072 entries is STATUS_LIST_LENGTH_ERROR.
        var decoded = BitstringStatusList.Decode(listContent.EncodedList, listContent.Form, _options.MaxDecodedBytes);
        if (!decoded.Success)
            return (null, $"the status list {entry.ListCredential} cannot be read: {decoded.Error}");
        return (new VerifiedList(entry.ListCredential, entry.Type, issuer, listContent, decoded.List!), null);
    }

    private async Task<string?> VerifyJwtSignatureAsync(string compact, string? kid, string issuer, DateTimeOffset? signedAt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(kid))
            return "the JWT header has no 'kid'";
        var (did, fragment) = DidUrl.Split(kid);
        if (fragment is null || !string.Equals(did, issuer, StringComparison.Ordinal))
            return $"the key '{CompositeDidResolver.Truncate(kid)}' does not belong to the list's issuer '{issuer}'";
        var resolution = await dids.ResolveAsync(did, cancellationToken);
        if (resolution.Document is null)
            return $"the issuer's DID could not be resolved: {resolution.Error}";
        var method = resolution.Document.FindMethod(kid);
        if (method is null || !resolution.Document.IsAssertionMethod(method.Id))
            return $"the issuer's DID document has no assertion method '{CompositeDidResolver.Truncate(kid)}'";
        var result = JwtVc.VerifySignature(compact, method.PublicKey);
        if (!result.Valid)
            return result.Error ?? "invalid signature";
        // A retired key vouches only for lists it signed before its revocation time.
        return SignatureCheck.RevokedKeyError(method, signedAt);
    }
}
