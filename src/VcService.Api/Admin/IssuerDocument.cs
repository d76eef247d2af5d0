using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VcService.Api.Issuance;
using VcService.Api.Tenants;
using VcService.MicroCredentials;
using VcService.Storage.Abstractions;

namespace VcService.Api.Admin;

/// <summary>
/// The JSON form of an issuer tenant on the admin API, and its validation: every problem is reported
/// at once with the path of its field. Read-only members (<c>did</c>, <c>didDocumentUrl</c>,
/// <c>createdAt</c>, <c>updatedAt</c>) are ignored on input so a fetched document can be sent back.
/// </summary>
public static partial class IssuerDocument
{
    public const int MaxNameLength = 300;
    public const int MaxIdentifierLength = 64;

    private static readonly string[] Writable =
    [
        "id", "legalName", "legalIdentifiers", "country", "region", "deqarId", "homepage", "didPath",
        "defaultProfile", "defaultFormat", "validationProfile", "keyType", "suspensionEnabled",
    ];

    private static readonly string[] ReadOnly = ["did", "didDocumentUrl", "createdAt", "updatedAt"];

    public static readonly IReadOnlyList<string> ValidationProfiles = ["default", "deqar"];

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex TenantId();

    [GeneratedRegex("^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^DEQARINST[0-9]{1,8}$")]
    private static partial Regex DeqarId();

    [GeneratedRegex("^[A-Z]{2}[0-9A-Z+*.]{2,12}$")]
    private static partial Regex VatNumber();

    [GeneratedRegex("^[A-Z]{2}/[A-Z]{2}/[A-Za-z0-9.:/+-]{1,60}$")]
    private static partial Regex EidasIdentifier();

    [GeneratedRegex("^[A-Z]{2}[0-9]{4}$")]
    private static partial Regex EterId();

    public static string DidPathOf(string tenantId) => $"issuers/{tenantId}";

    public static JsonObject Describe(IssuerTenant tenant, TenantDids dids)
    {
        var identifiers = new JsonObject();
        if (tenant.LegalIdentifiers.Count > 0)
            foreach (var kind in LegalIdentifierKinds.All)
            {
                if (tenant.LegalIdentifiers.TryGetValue(kind, out var value))
                    identifiers[kind] = value;
            }
        else if (tenant.LegalIdentifier is { } legacy)
            identifiers[LegalIdentifierKinds.National] = legacy;

        var names = new JsonObject();
        foreach (var (language, name) in tenant.LegalName)
            names[language] = name;
        var json = new JsonObject
        {
            ["id"] = tenant.Id,
            ["did"] = dids.DidOf(tenant.Id),
            ["didDocumentUrl"] = dids.DidDocumentUrl(tenant.Id),
            ["didPath"] = DidPathOf(tenant.Id),
            ["legalName"] = names,
            ["legalIdentifiers"] = identifiers,
            ["country"] = tenant.Country,
            ["region"] = tenant.Region,
            ["deqarId"] = tenant.DeqarId,
            ["homepage"] = tenant.Homepage,
            ["defaultProfile"] = tenant.DefaultProfile,
            ["defaultFormat"] = tenant.DefaultFormat,
            ["validationProfile"] = tenant.ValidationProfile ?? "default",
            ["keyType"] = KeyTypeNames.OfStored(tenant.KeyType),
            ["suspensionEnabled"] = tenant.SuspensionEnabled,
            ["createdAt"] = Credentials.DataModel.CredentialDocument.FormatDateTime(tenant.CreatedAt),
        };
        if (tenant.UpdatedAt is { } updated)
            json["updatedAt"] = Credentials.DataModel.CredentialDocument.FormatDateTime(updated);
        foreach (var name in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
            json.Remove(name);
        return json;
    }

    /// <summary>
    /// Applies a JSON Merge Patch (RFC 7396) to the tenant's current document: members replace,
    /// <c>null</c> removes an optional member; the id cannot change.
    /// </summary>
    public static (IssuerTenant? Tenant, List<(string Path, string Message)> Errors) Patch(
        IssuerTenant current, JsonNode? patch, TenantDids dids, DateTimeOffset now)
    {
        if (patch is not JsonObject changes)
            return (null, [("", "The body must be a JSON object (a JSON Merge Patch of the issuer).")]);
        var errors = new List<(string, string)>();
        if (changes["id"] is { } id && (id.GetValueKind() != JsonValueKind.String || id.GetValue<string>() != current.Id))
            errors.Add(("id", "The id of an issuer cannot change."));
        var merged = Describe(current, dids);
        foreach (var (name, value) in changes)
        {
            if (name == "id")
                continue;
            if (value is null)
                merged.Remove(name);
            else if (value is JsonObject obj && merged[name] is JsonObject existing)
            {
                foreach (var (member, memberValue) in obj)
                {
                    if (memberValue is null)
                        existing.Remove(member);
                    else
                        existing[member] = memberValue.DeepClone();
                }
            }
            else
                merged[name] = value.DeepClone();
        }
        var (tenant, more) = Read(merged, current.CreatedAt);
        errors.AddRange(more);
        return errors.Count > 0 ? (null, errors) : (tenant! with { UpdatedAt = now }, errors);
    }

    /// <summary>Reads a whole issuer document (POST, or a patched one).</summary>
    public static (IssuerTenant? Tenant, List<(string Path, string Message)> Errors) Read(JsonNode? body, DateTimeOffset createdAt)
    {
        var errors = new List<(string Path, string Message)>();
        if (body is not JsonObject json)
            return (null, [("", "The body must be a JSON object describing the issuer.")]);
        foreach (var (name, _) in json)
            if (!Writable.Contains(name) && !ReadOnly.Contains(name))
                errors.Add((name, $"Unknown member '{name}'; expected: {string.Join(", ", Writable)}."));

        var id = RequiredString(json, "id", errors);
        if (id is not null && !TenantId().IsMatch(id))
            errors.Add(("id", "The id must be 1 to 63 lower-case letters, digits and inner hyphens (it becomes part of the DID and URLs)."));

        var legalName = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (json["legalName"])
        {
            case null:
                errors.Add(("legalName", "The legal name is required, as a language map: {\"en\": \"…\"}."));
                break;
            case JsonObject names:
                if (names.Count == 0)
                    errors.Add(("legalName", "The legal name needs at least one language."));
                foreach (var (language, value) in names)
                {
                    var path = $"legalName.{language}";
                    if (!LanguageTag().IsMatch(language))
                        errors.Add((path, $"'{language}' is not a language tag (e.g. en, nl, de-AT)."));
                    if (StringValue(value) is not { } text || text.Trim().Length == 0 || text.Length > MaxNameLength)
                        errors.Add((path, $"Each name must be a non-empty string of at most {MaxNameLength} characters."));
                    else
                        legalName[language] = text.Trim();
                }
                break;
            default:
                errors.Add(("legalName", "The legal name must be a language map: {\"en\": \"…\"}."));
                break;
        }

        var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (json["legalIdentifiers"])
        {
            case null:
                break;
            case JsonObject ids:
                foreach (var (kind, value) in ids)
                {
                    var path = $"legalIdentifiers.{kind}";
                    if (!LegalIdentifierKinds.All.Contains(kind))
                    {
                        errors.Add((path, $"Unknown kind of legal identifier; expected: {string.Join(", ", LegalIdentifierKinds.All)}."));
                        continue;
                    }
                    if (value is null)
                        continue;
                    var text = StringValue(value)?.Trim();
                    if (text is null || text.Length == 0 || text.Length > MaxIdentifierLength)
                    {
                        errors.Add((path, $"Must be a non-empty string of at most {MaxIdentifierLength} characters."));
                        continue;
                    }
                    var formatRule = kind switch
                    {
                        LegalIdentifierKinds.Vat when !VatNumber().IsMatch(text) => "a VAT number starts with the country prefix, e.g. BE0123456789",
                        LegalIdentifierKinds.Eidas when !EidasIdentifier().IsMatch(text) => "an eIDAS legal person identifier looks like BE/BE/0123456789",
                        LegalIdentifierKinds.Eter when !EterId().IsMatch(text) => "an ETER id is a country code and four digits, e.g. BE0001",
                        _ => null,
                    };
                    if (formatRule is not null)
                        errors.Add((path, $"'{text}' is not valid: {formatRule}."));
                    else
                        identifiers[kind] = text;
                }
                break;
            default:
                errors.Add(("legalIdentifiers", "Must be an object: {\"national\", \"vat\", \"eidas\", \"eter\"}."));
                break;
        }

        var country = RequiredString(json, "country", errors);
        if (country is not null && !CountryCode().IsMatch(country))
            errors.Add(("country", "The country must be an ISO 3166-1 alpha-2 code in upper case, e.g. BE."));

        var region = OptionalString(json, "region", errors, 100);
        var deqarId = OptionalString(json, "deqarId", errors, 32);
        if (deqarId is not null && !DeqarId().IsMatch(deqarId))
            errors.Add(("deqarId", "A DEQAR institution id looks like DEQARINST0123."));

        var homepage = OptionalString(json, "homepage", errors, 2048);
        if (homepage is not null && (!Uri.TryCreate(homepage, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            errors.Add(("homepage", "The homepage must be an absolute http(s) URL."));

        var didPath = OptionalString(json, "didPath", errors, 200);
        if (didPath is not null && id is not null && didPath.Trim('/') != DidPathOf(id))
            errors.Add(("didPath", $"Only the default did:web path '{DidPathOf(id)}' is supported; leave didPath out."));

        var profile = OptionalString(json, "defaultProfile", errors, 50) ?? "elm";
        if (!IssuanceOptions.Profiles.Contains(profile))
            errors.Add(("defaultProfile", $"Unknown profile '{profile}'; supported: {string.Join(", ", IssuanceOptions.Profiles)}."));
        var format = OptionalString(json, "defaultFormat", errors, 50) ?? "jwt";
        if (!IssuanceOptions.Formats.Contains(format))
            errors.Add(("defaultFormat", $"Unknown format '{format}'; supported: {string.Join(", ", IssuanceOptions.Formats)}."));
        var validationProfile = OptionalString(json, "validationProfile", errors, 50) ?? "default";
        if (ValidationProfile.ByName(validationProfile) is null || !ValidationProfiles.Contains(validationProfile))
            errors.Add(("validationProfile", $"Unknown validation profile '{validationProfile}'; supported: {string.Join(", ", ValidationProfiles)}."));
        var keyTypeName = OptionalString(json, "keyType", errors, 20) ?? KeyTypeNames.Ed25519;
        var keyType = KeyTypeNames.Parse(keyTypeName);
        if (keyType is null)
            errors.Add(("keyType", $"Unknown key type '{keyTypeName}'; supported: {string.Join(", ", KeyTypeNames.All)}."));

        var suspension = false;
        if (json["suspensionEnabled"] is { } s)
        {
            if (s.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                suspension = s.GetValue<bool>();
            else
                errors.Add(("suspensionEnabled", "Must be true or false."));
        }

        if (errors.Count > 0)
            return (null, errors);
        return (new IssuerTenant
        {
            Id = id!,
            LegalName = legalName,
            LegalIdentifiers = identifiers,
            // The single identifier the credential renderers print as the organisation's registration.
            LegalIdentifier = identifiers.GetValueOrDefault(LegalIdentifierKinds.National)
                ?? identifiers.GetValueOrDefault(LegalIdentifierKinds.Vat)
                ?? identifiers.GetValueOrDefault(LegalIdentifierKinds.Eidas),
            Country = country!,
            Region = region,
            DeqarId = deqarId,
            Homepage = homepage,
            DefaultProfile = profile,
            DefaultFormat = format,
            ValidationProfile = validationProfile,
            KeyType = keyType!.Value.ToString(),
            SuspensionEnabled = suspension,
            CreatedAt = createdAt,
        }, errors);
    }

    private static string? StringValue(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string? RequiredString(JsonObject json, string name, List<(string, string)> errors)
    {
        var node = json[name];
        if (node is null)
        {
            errors.Add((name, $"'{name}' is required."));
            return null;
        }
        var text = StringValue(node);
        if (text is null || text.Trim().Length == 0)
        {
            errors.Add((name, $"'{name}' must be a non-empty string."));
            return null;
        }
        return text.Trim();
    }

    private static string? OptionalString(JsonObject json, string name, List<(string, string)> errors, int maxLength)
    {
        var node = json[name];
        if (node is null)
            return null;
        var text = StringValue(node);
        if (text is null || text.Trim().Length == 0 || text.Length > maxLength)
        {
            errors.Add((name, $"'{name}' must be a non-empty string of at most {maxLength} characters."));
            return null;
        }
        return text.Trim();
    }
}
