using System.Text.Json.Serialization;

namespace VcService.Credentials.Verification;

/// <summary>How a trust registry recognises an issuer (the <c>recognition.kind</c> of the report).</summary>
public static class RecognitionKinds
{
    /// <summary>An issuer tenant of this deployment.</summary>
    public const string Tenant = "tenant";
    /// <summary>An entry of the operator's configured trusted issuer list.</summary>
    public const string List = "list";
    /// <summary>An institution of the imported DEQAR data, bound to the issuer's did:web domain.</summary>
    public const string Deqar = "deqar";
}

/// <summary>Why the registry recognises the issuer.</summary>
public sealed record IssuerRecognition
{
    /// <summary><see cref="RecognitionKinds"/>: <c>tenant</c>, <c>list</c> or <c>deqar</c>.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    /// <summary>The DEQAR institution id (<c>DEQARINST…</c>), when known.</summary>
    [JsonPropertyName("deqarId")] public string? DeqarId { get; init; }
    /// <summary>Where the recognition comes from, e.g. the trusted list file or the DEQAR import.</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }
    /// <summary>Accreditation or quality assurance statement of a trusted list entry.</summary>
    [JsonPropertyName("accreditation")] public string? Accreditation { get; init; }
}

/// <summary>What the credential itself says about its issuer: claims, not facts (shown separately from the registry's answer).</summary>
public sealed record IssuerClaimsView
{
    [JsonPropertyName("legalName")] public IReadOnlyDictionary<string, string>? LegalName { get; init; }
    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("identifiers")] public IReadOnlyList<string>? Identifiers { get; init; }
}

/// <summary>
/// The <c>issuer</c> section of the verification report: who the issuer legally is, according to
/// the trust registry, and whether it is recognised. <see cref="LegalName"/> and <see cref="Country"/>
/// come only from the registry (null when not recognised); what the credential claims is in
/// <see cref="Claimed"/>.
/// </summary>
public sealed record IssuerReport
{
    [JsonPropertyName("did")] public string? Did { get; init; }
    // Written even when null (whatever the host's ignore setting): "not recognised" is an answer, not a missing field.
    [JsonPropertyName("legalName"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public IReadOnlyDictionary<string, string>? LegalName { get; init; }
    [JsonPropertyName("country"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Country { get; init; }
    [JsonPropertyName("recognised")] public required bool Recognised { get; init; }
    [JsonPropertyName("recognition"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public IssuerRecognition? Recognition { get; init; }
    [JsonPropertyName("claimed")] public IssuerClaimsView? Claimed { get; init; }
    [JsonPropertyName("message")] public required string Message { get; init; }
}
