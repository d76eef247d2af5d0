using System.Globalization;
using System.Text.Json.Nodes;
using VcService.Credentials.DataModel;

namespace VcService.Credentials.Status;

/// <summary>A <c>credentialStatus</c> entry pointing at one bit of a status list, as read from a credential.</summary>
public sealed record StatusListEntry(string? Id, string Type, string Purpose, int Index, string ListCredential);

/// <summary>The entries of a credential's <c>credentialStatus</c>, or why they cannot be used.</summary>
public sealed record StatusListEntries(IReadOnlyList<StatusListEntry> Entries, IReadOnlyList<string> Errors)
{
    public bool Present => Entries.Count > 0 || Errors.Count > 0;
}

/// <summary>
/// Renders and reads status entries. <c>BitstringStatusListEntry</c> (Bitstring Status List v1.0
/// §2.1, VC 2.0) and <c>StatusList2021Entry</c> (StatusList2021 §2.1, VC 1.1) share their
/// properties: <c>statusPurpose</c>, <c>statusListIndex</c> (a base-10 integer as a string),
/// <c>statusListCredential</c> (the URL of the status list credential).
/// </summary>
public static class StatusListEntryReader
{
    /// <summary>Most entries read from one credential (explicit limit: each one may cost a fetch).</summary>
    public const int MaxEntries = 8;

    public static StatusListEntries Read(JsonObject credential)
    {
        var entries = new List<StatusListEntry>();
        var errors = new List<string>();
        var node = credential["credentialStatus"];
        if (node is null)
            return new StatusListEntries(entries, errors);

        var items = node is JsonArray array ? array.ToList() : [node];
        if (items.Count > MaxEntries)
        {
            errors.Add($"credentialStatus has {items.Count} entries, more than the limit of {MaxEntries}.");
            return new StatusListEntries(entries, errors);
        }
        for (var i = 0; i < items.Count; i++)
        {
            var path = node is JsonArray ? $"credentialStatus[{i}]" : "credentialStatus";
            if (items[i] is not JsonObject entry)
            {
                errors.Add($"{path} is not an object.");
                continue;
            }
            var parsed = ReadEntry(entry, path, out var error);
            if (parsed is null)
                errors.Add(error!);
            else
                entries.Add(parsed);
        }
        return new StatusListEntries(entries, errors);
    }

    private static StatusListEntry? ReadEntry(JsonObject entry, string path, out string? error)
    {
        var types = CredentialDocument.GetTypes(entry);
        var type = types.FirstOrDefault(t => t is BitstringStatusListEntry.Type or StatusList2021Entry.Type);
        if (type is null)
        {
            error = $"{path}: type {(types.Count == 0 ? "is missing" : $"'{string.Join(", ", types)}' is not supported")} (supported: {BitstringStatusListEntry.Type}, {StatusList2021Entry.Type}).";
            return null;
        }
        var purpose = CredentialDocument.GetString(entry, "statusPurpose");
        if (purpose is null)
        {
            error = $"{path}.statusPurpose is missing.";
            return null;
        }
        if (!StatusPurpose.IsKnown(purpose))
        {
            error = $"{path}.statusPurpose '{purpose}' is not supported (supported: {string.Join(", ", StatusPurpose.All)}).";
            return null;
        }
        if (entry["statusSize"] is { } size && !(size is JsonValue sv && sv.TryGetValue<int>(out var s) && s == 1))
        {
            error = $"{path}.statusSize other than 1 is not supported.";
            return null;
        }
        var indexText = entry["statusListIndex"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            // Deviation: some issuers write the index as a JSON number; read it as its base-10 text.
            JsonValue v when v.TryGetValue<long>(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (indexText is null)
        {
            error = $"{path}.statusListIndex is missing.";
            return null;
        }
        if (indexText.Length is 0 or > 10 || !indexText.All(char.IsAsciiDigit))
        {
            error = $"{StatusListErrors.MalformedValue}: {path}.statusListIndex '{Truncate(indexText)}' is not a base-10 integer.";
            return null;
        }
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            error = $"{StatusListErrors.Range}: {path}.statusListIndex {indexText} is out of range.";
            return null;
        }
        var url = CredentialDocument.GetString(entry, "statusListCredential");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            error = $"{path}.statusListCredential must be an http(s) URL.";
            return null;
        }
        error = null;
        return new StatusListEntry(CredentialDocument.GetString(entry, "id"), type, purpose, index, url);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>The VC 2.0 status entry of Bitstring Status List v1.0 §2.1.</summary>
public static class BitstringStatusListEntry
{
    public const string Type = "BitstringStatusListEntry";

    /// <summary>
    /// <c>{"id": "&lt;list&gt;#&lt;index&gt;", "type": "BitstringStatusListEntry", "statusPurpose",
    /// "statusListIndex": "&lt;index&gt;", "statusListCredential": "&lt;list&gt;"}</c>.
    /// </summary>
    public static JsonObject Render(string listCredentialUrl, int index, string purpose) =>
        StatusEntryJson.Render(Type, listCredentialUrl, index, purpose);
}

/// <summary>The VC 1.1 status entry of StatusList2021 §2.1 (context <see cref="Context"/>).</summary>
public static class StatusList2021Entry
{
    public const string Type = "StatusList2021Entry";

    /// <summary>Defines StatusList2021Entry, StatusList2021Credential and StatusList2021 (bundled in contexts/).</summary>
    public const string Context = "https://w3id.org/vc/status-list/2021/v1";

    public static JsonObject Render(string listCredentialUrl, int index, string purpose) =>
        StatusEntryJson.Render(Type, listCredentialUrl, index, purpose);
}

internal static class StatusEntryJson
{
    public static JsonObject Render(string type, string listCredentialUrl, int index, string purpose)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var indexText = index.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = $"{listCredentialUrl}#{indexText}",
            ["type"] = type,
            ["statusPurpose"] = purpose,
            ["statusListIndex"] = indexText,
            ["statusListCredential"] = listCredentialUrl,
        };
    }
}
