using System.Text.Json.Nodes;
using VcService.Credentials.DataModel;

namespace VcService.Credentials.Status;

/// <summary>What a status list credential says, before it is secured.</summary>
/// <param name="Id">The URL the list is served at (entries' <c>statusListCredential</c>).</param>
/// <param name="Issuer">The issuer's DID: the same issuer as the credentials whose status it carries.</param>
/// <param name="Ttl">How long verifiers may cache the list (Bitstring Status List <c>ttl</c>, milliseconds on the wire).</param>
public sealed record StatusListCredentialInput(
    string Id,
    string Issuer,
    string Purpose,
    BitstringStatusList List,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    TimeSpan? Ttl);

/// <summary>The VC 2.0 status list credential of Bitstring Status List v1.0 §2.2.</summary>
public static class BitstringStatusListCredential
{
    public const string Type = "BitstringStatusListCredential";
    public const string SubjectType = "BitstringStatusList";

    public static JsonObject Render(StatusListCredentialInput input)
    {
        var subject = new JsonObject
        {
            ["id"] = input.Id + "#list",
            ["type"] = SubjectType,
            ["statusPurpose"] = input.Purpose,
            ["encodedList"] = input.List.Encode(EncodedListForm.Multibase),
        };
        if (input.Ttl is { } ttl)
            subject["ttl"] = (long)ttl.TotalMilliseconds;
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(VcContexts.V2),
            ["id"] = input.Id,
            ["type"] = new JsonArray(VcContexts.VerifiableCredential, Type),
            ["issuer"] = input.Issuer,
            ["validFrom"] = CredentialDocument.FormatDateTime(input.ValidFrom),
        };
        if (input.ValidUntil is { } until)
            credential["validUntil"] = CredentialDocument.FormatDateTime(until);
        credential["credentialSubject"] = subject;
        return credential;
    }
}

/// <summary>
/// The VC 1.1 status list credential of StatusList2021 §2.2. Its context defines no <c>ttl</c>
/// term, so the cache lifetime is only given by <c>expirationDate</c> and the HTTP headers.
/// </summary>
public static class StatusList2021Credential
{
    public const string Type = "StatusList2021Credential";
    public const string SubjectType = "StatusList2021";

    public static JsonObject Render(StatusListCredentialInput input)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(VcContexts.V1, StatusList2021Entry.Context),
            ["id"] = input.Id,
            ["type"] = new JsonArray(VcContexts.VerifiableCredential, Type),
            ["issuer"] = input.Issuer,
            ["issuanceDate"] = CredentialDocument.FormatDateTime(input.ValidFrom),
        };
        if (input.ValidUntil is { } until)
            credential["expirationDate"] = CredentialDocument.FormatDateTime(until);
        credential["credentialSubject"] = new JsonObject
        {
            ["id"] = input.Id + "#list",
            ["type"] = SubjectType,
            ["statusPurpose"] = input.Purpose,
            ["encodedList"] = input.List.Encode(EncodedListForm.Base64Url),
        };
        return credential;
    }
}

/// <summary>A status list credential as read back: its claims, or why it is not one.</summary>
public sealed record StatusListCredentialContent(
    string? Id,
    string? Issuer,
    IReadOnlyList<string> Purposes,
    string EncodedList,
    EncodedListForm Form,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil);

public static class StatusListCredentialReader
{
    /// <summary>
    /// Reads a (decoded, unsecured) status list credential of the kind the entry type points to:
    /// <c>BitstringStatusListEntry</c> → <c>BitstringStatusListCredential</c>,
    /// <c>StatusList2021Entry</c> → <c>StatusList2021Credential</c>.
    /// </summary>
    public static (StatusListCredentialContent? Content, string? Error) Read(JsonObject credential, string entryType)
    {
        var bitstring = entryType == BitstringStatusListEntry.Type;
        var credentialType = bitstring ? BitstringStatusListCredential.Type : StatusList2021Credential.Type;
        var subjectType = bitstring ? BitstringStatusListCredential.SubjectType : StatusList2021Credential.SubjectType;

        if (!CredentialDocument.GetTypes(credential).Contains(credentialType))
            return Fail($"the status list credential's type does not include '{credentialType}'");
        var subject = credential["credentialSubject"] switch
        {
            JsonObject o => o,
            JsonArray { Count: 1 } a when a[0] is JsonObject o => o,
            _ => null,
        };
        if (subject is null)
            return Fail("the status list credential has no credentialSubject object");
        if (!CredentialDocument.GetTypes(subject).Contains(subjectType))
            return Fail($"the status list credential's credentialSubject type is not '{subjectType}'");
        // §2.2: one or more strings (one list may serve several purposes).
        var purposes = CredentialDocument.GetStrings(subject, "statusPurpose");
        if (purposes.Count == 0)
            return Fail("the status list credential's credentialSubject.statusPurpose is missing");
        var encoded = CredentialDocument.GetString(subject, "encodedList");
        if (encoded is null)
            return Fail("the status list credential's credentialSubject.encodedList is missing");

        var v2 = CredentialDocument.GetVersionContext(credential) == VcContexts.V2;
        var fromText = CredentialDocument.GetString(credential, v2 ? "validFrom" : "issuanceDate");
        var untilText = CredentialDocument.GetString(credential, v2 ? "validUntil" : "expirationDate");
        DateTimeOffset? from = null, until = null;
        if (fromText is not null)
        {
            if (!CredentialDocument.TryParseDateTime(fromText, out var f))
                return Fail($"the status list credential's {(v2 ? "validFrom" : "issuanceDate")} is not a date-time");
            from = f;
        }
        if (untilText is not null)
        {
            if (!CredentialDocument.TryParseDateTime(untilText, out var u))
                return Fail($"the status list credential's {(v2 ? "validUntil" : "expirationDate")} is not a date-time");
            until = u;
        }
        return (new StatusListCredentialContent(
            CredentialDocument.GetString(credential, "id"),
            CredentialDocument.GetIssuerId(credential),
            purposes,
            encoded,
            bitstring ? EncodedListForm.Multibase : EncodedListForm.Base64Url,
            from,
            until), null);
    }

    private static (StatusListCredentialContent?, string?) Fail(string message) =>
        (null, $"{StatusListErrors.StatusVerification}: {message}.");
}
