using System.Text.Json.Nodes;

namespace VcService.MicroCredentials;

/// <summary>The issuing tenant (the signer). The record's awardingBodies are the awarding organisations.</summary>
public sealed record IssuerProfile(
    string Did,
    IReadOnlyDictionary<string, string> LegalName,
    string Country,
    string? LegalIdentifier = null,
    string? DeqarId = null,
    string? Homepage = null);

/// <summary>Envelope values the service sets at signing time.</summary>
public sealed record ElmRenderOptions(string CredentialId /* urn:uuid:… */, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt = null);

/// <summary>A credential read back into the Annex I view.</summary>
public sealed record AnnexIViewResult
{
    /// <summary>The Annex I view: same field names as the HEI record.</summary>
    public required JsonObject View { get; init; }
    /// <summary>Mandatory Annex I elements missing or malformed; path = record field name.</summary>
    public required IReadOnlyList<ValidationError> Missing { get; init; }
    public bool IsComplete => Missing.Count == 0;
    public DateTimeOffset? IssuedAt { get; init; }
}
