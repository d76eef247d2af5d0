using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace VcService.Credentials.Verification;

/// <summary>
/// The verification report (DESIGN §6). <see cref="Verified"/> is true only when no check failed and
/// the checks that establish authenticity (format, signature) and validity passed.
/// </summary>
public sealed record VerificationReport
{
    [JsonPropertyName("verified")] public required bool Verified { get; init; }
    /// <summary>
    /// Whether the trust registry recognises the (authenticated) issuer — distinct from
    /// <see cref="Verified"/>: an authentic credential of an unknown issuer is verified but not recognised.
    /// </summary>
    [JsonPropertyName("issuerRecognised")] public bool IssuerRecognised { get; init; }
    [JsonPropertyName("format")] public string? Format { get; init; }
    [JsonPropertyName("profile")] public string? Profile { get; init; }
    [JsonPropertyName("issuerDid")] public string? IssuerDid { get; init; }
    [JsonPropertyName("issuer")] public IssuerReport? Issuer { get; init; }
    [JsonPropertyName("checks")] public required IReadOnlyList<CheckResult> Checks { get; init; }
    [JsonPropertyName("annexI")] public JsonObject? AnnexI { get; init; }
    [JsonPropertyName("credential")] public JsonObject? Credential { get; init; }
}
