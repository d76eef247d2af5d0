namespace VcService.Api.Status;

/// <summary>The <c>VcService:Status</c> configuration section.</summary>
public sealed class StatusListOptions
{
    public const string Section = "VcService:Status";

    /// <summary>Entries per status list (Bitstring Status List §2.2: at least 131,072).</summary>
    public int ListSize { get; set; } = 131_072;

    /// <summary><c>Cache-Control: max-age</c> of served status lists, in seconds; also the <c>ttl</c> of VC 2.0 lists.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 300;

    /// <summary>How long a signed status list credential is valid (<c>validUntil</c>/<c>expirationDate</c>); it is re-signed before it runs out.</summary>
    public TimeSpan ListValidity { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Longest accepted <c>reason</c> of a status change.</summary>
    public int MaxReasonLength { get; set; } = 1_000;

    public TimeSpan CacheMaxAge => TimeSpan.FromSeconds(CacheMaxAgeSeconds);
}
