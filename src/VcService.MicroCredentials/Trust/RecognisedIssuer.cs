using VcService.Credentials.Verification;

namespace VcService.MicroCredentials.Trust;

/// <summary>An issuer the trust registry recognises, with who it legally is and why it is recognised.</summary>
public sealed record RecognisedIssuer
{
    public required string Did { get; init; }

    /// <summary><see cref="RecognitionKinds"/>: tenant, list or deqar.</summary>
    public required string Kind { get; init; }

    /// <summary>Legal name as a language map (<c>{"en": …}</c>).</summary>
    public required IReadOnlyDictionary<string, string> LegalName { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country of the legal seat.</summary>
    public required string Country { get; init; }

    public string? DeqarId { get; init; }

    /// <summary>Where the recognition comes from (shown to the verifier).</summary>
    public string? Source { get; init; }

    public string? Accreditation { get; init; }

    public IssuerRecognition ToRecognition() => new() { Kind = Kind, DeqarId = DeqarId, Source = Source, Accreditation = Accreditation };
}

/// <summary>One source's answer: the issuer, or nothing (optionally with a note why a near match was not accepted).</summary>
public sealed record TrustSourceAnswer(RecognisedIssuer? Issuer, string? Note)
{
    public static readonly TrustSourceAnswer None = new(null, null);
    public static TrustSourceAnswer Found(RecognisedIssuer issuer) => new(issuer, null);
    public static TrustSourceAnswer Refused(string note) => new(null, note);
}

/// <summary>A source of recognised issuers: this deployment's tenants, the configured list, DEQAR data.</summary>
public interface ITrustSource
{
    /// <summary>Lower answers first (tenant 100, list 200, DEQAR 300): the first recognition wins.</summary>
    int Order { get; }

    Task<TrustSourceAnswer> FindAsync(IssuerClaims claims, CancellationToken cancellationToken);
}
