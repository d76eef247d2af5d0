namespace VcService.MicroCredentials;

/// <summary>Envelope values the service sets at signing time (<c>validFrom</c>, <c>validUntil</c>).</summary>
public sealed record Obv3RenderOptions(string CredentialId /* urn:uuid:… */, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt = null);
