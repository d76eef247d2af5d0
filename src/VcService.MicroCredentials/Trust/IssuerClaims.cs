using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.Verification;

namespace VcService.MicroCredentials.Trust;

/// <summary>A legal or other identifier the credential gives for its issuer, with its scheme when named.</summary>
public sealed record ClaimedIdentifier(string Value, string? Scheme)
{
    public override string ToString() => Scheme is null ? Value : $"{Scheme} {Value}";
}

/// <summary>
/// What a credential says about its issuer: the DID (authenticated by the signature) and claims
/// that are not (name, country, identifiers). The registry matches on the DID; DEQAR matching may
/// use the claimed identifiers but binds them to the DID (see <see cref="DeqarTrustSource"/>).
/// </summary>
public sealed record IssuerClaims
{
    public required string Did { get; init; }
    public IReadOnlyDictionary<string, string>? LegalName { get; init; }
    /// <summary>ISO 3166-1 alpha-2, when the credential gives one.</summary>
    public string? Country { get; init; }
    /// <summary>DEQAR institution ids (<c>DEQARINST…</c>), normalised.</summary>
    public IReadOnlyList<string> DeqarIds { get; init; } = [];
    /// <summary>Legal and other identifiers (national registration, VAT, ETER, …).</summary>
    public IReadOnlyList<ClaimedIdentifier> Identifiers { get; init; } = [];

    public static IssuerClaims ForDid(string did) => new() { Did = did };

    public IssuerClaimsView ToView() => new()
    {
        LegalName = LegalName,
        Country = Country,
        Identifiers = DeqarIds.Select(id => $"DEQAR {id}").Concat(Identifiers.Select(i => i.ToString())).ToList() is { Count: > 0 } all ? all : null,
    };
}

/// <summary>
/// Reads <see cref="IssuerClaims"/> from the issuer object of a credential: ELM <c>Organisation</c>
/// (<c>legalName</c>, <c>registration</c>/<c>legalIdentifier</c>, <c>identifier</c>, <c>vatIdentifier</c>,
/// <c>eidasLegalIdentifier</c>, <c>taxIdentifier</c>, <c>location…countryCode</c>) and Open Badges 3.0
/// <c>Profile</c> (<c>name</c>, <c>otherIdentifier</c>, <c>address.addressCountryCode</c>).
/// </summary>
public static class IssuerClaimsReader
{
    /// <summary>Explicit limits: identifiers read, and characters per value.</summary>
    public const int MaxIdentifiers = 16;
    public const int MaxValueLength = 200;

    private static readonly string[] ElmIdentifierProperties = ["registration", "legalIdentifier", "identifier", "vatIdentifier", "eidasLegalIdentifier", "taxIdentifier"];

    public static IssuerClaims Read(JsonObject credential, string did)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (credential["issuer"] is not JsonObject issuer)
            return IssuerClaims.ForDid(did);

        var deqarIds = new List<string>();
        var identifiers = new List<ClaimedIdentifier>();
        void Add(string? value, string? scheme)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxValueLength || deqarIds.Count + identifiers.Count >= MaxIdentifiers)
                return;
            value = value.Trim();
            var deqarScheme = scheme?.Contains("DEQAR", StringComparison.OrdinalIgnoreCase) == true;
            if (DeqarIds.Normalize(value, allowBareNumber: deqarScheme) is { } deqarId)
            {
                if (!deqarIds.Contains(deqarId))
                    deqarIds.Add(deqarId);
            }
            else if (!identifiers.Any(i => i.Value == value))
                identifiers.Add(new ClaimedIdentifier(value, Short(scheme)));
        }

        // ELM: Identifier / LegalIdentifier objects (notation + schemeName), one or many.
        foreach (var property in ElmIdentifierProperties)
            foreach (var item in Items(issuer[property]))
            {
                if (item is JsonObject id)
                    Add(Text(id["notation"]), Text(id["schemeName"]) ?? (property == "identifier" ? null : property));
                else if (Text(item) is { } plain)
                    Add(plain, property == "identifier" ? null : property);
            }
        // Open Badges 3.0: IdentifierEntry objects (identifier + identifierType).
        foreach (var item in Items(issuer["otherIdentifier"]))
            if (item is JsonObject entry)
                Add(Text(entry["identifier"]), Text(entry["identifierType"]));

        return new IssuerClaims
        {
            Did = did,
            LegalName = LanguageMap(issuer["legalName"]) ?? LanguageMap(issuer["name"]),
            Country = Country(issuer),
            DeqarIds = deqarIds,
            Identifiers = identifiers,
        };
    }

    private static string? Country(JsonObject issuer)
    {
        // ELM: location[].address.countryCode (Concept: notation or an EU authority IRI); registration.spatial.
        foreach (var location in Items(issuer["location"]))
            foreach (var address in Items((location as JsonObject)?["address"]))
                if (CountryOf((address as JsonObject)?["countryCode"]) is { } code)
                    return code;
        foreach (var registration in Items(issuer["registration"]))
            if (CountryOf((registration as JsonObject)?["spatial"]) is { } code)
                return code;
        // Open Badges 3.0: Address.addressCountryCode (alpha-2) or addressCountry.
        if (issuer["address"] is JsonObject obAddress)
            return Alpha2(Text(obAddress["addressCountryCode"])) ?? Alpha2(Text(obAddress["addressCountry"]));
        return null;
    }

    private static string? CountryOf(JsonNode? concept) => concept switch
    {
        JsonObject o => Alpha2(Text(o["notation"])) ?? Alpha2(LastSegment(Text(o["id"]))),
        JsonValue => Alpha2(LastSegment(Text(concept))),
        _ => null,
    };

    private static string? LastSegment(string? iri) => iri is null ? null : iri[(iri.LastIndexOf('/') + 1)..];

    private static string? Alpha2(string? code)
    {
        if (code is null)
            return null;
        code = code.Trim().ToUpperInvariant();
        return code.Length switch
        {
            2 when CodeLists.IsAlpha2(code) => code,
            3 when CodeLists.IsAlpha3(code) => CodeLists.Alpha2Of(code),
            _ => null,
        };
    }

    private static IReadOnlyDictionary<string, string>? LanguageMap(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue when Text(node) is { } plain:
                // A plain string (Open Badges name): language not stated, "und" (BCP 47 undetermined).
                return new Dictionary<string, string> { ["und"] = plain };
            case JsonObject map:
                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (language, value) in map)
                    if (language.Length <= 35 && !language.StartsWith('@') && Text(value) is { } text && result.Count < MaxIdentifiers)
                        result[language] = text;
                return result.Count == 0 ? null : result;
            default:
                return null;
        }
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node switch
    {
        JsonArray array => array.Take(MaxIdentifiers),
        null => [],
        _ => [node],
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 and <= MaxValueLength } s ? s : null;

    private static string? Short(string? scheme) => scheme is null ? null : scheme.Length <= 60 ? scheme : scheme[..60];
}
