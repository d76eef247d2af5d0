using System.Globalization;

namespace VcService.MicroCredentials.Trust;

/// <summary>
/// A higher education institution as published by EQAR in DEQAR (Database of External Quality
/// Assurance Results): its DEQAR id, ETER id, names, legal seat, website and other identifiers.
/// Presence in DEQAR means the institution was externally quality assured against the ESG by an
/// EQAR-registered agency (or is an ETER-registered HEI).
/// </summary>
public sealed record DeqarInstitution
{
    /// <summary><c>DEQARINST</c> followed by the numeric id, e.g. <c>DEQARINST0382</c>.</summary>
    public required string DeqarId { get; init; }
    public string? EterId { get; init; }
    /// <summary>The display name (English where there is one).</summary>
    public required string NamePrimary { get; init; }
    /// <summary>The official name in the original language and script.</summary>
    public string? NameOfficial { get; init; }
    public string? Acronym { get; init; }
    /// <summary>ISO 3166-1 alpha-2 of the legal seat (the first country DEQAR lists).</summary>
    public required string Country { get; init; }
    public string? City { get; init; }
    public string? WebsiteLink { get; init; }
    public IReadOnlyList<DeqarIdentifier> Identifiers { get; init; } = [];
}

/// <summary>An identifier of an institution (national register, VAT, SCHAC, WHED, …) with the resource that issued it.</summary>
public sealed record DeqarIdentifier(string Identifier, string? Resource);

/// <summary>When and from what the current DEQAR data was imported.</summary>
public sealed record DeqarImportInfo(string Source, DateTimeOffset ImportedAt, int Institutions);

/// <summary>The imported DEQAR institution data (SQLite table owned by the trust registry).</summary>
public interface IDeqarRegister
{
    Task<DeqarInstitution?> FindByDeqarIdAsync(string deqarId, CancellationToken cancellationToken);

    /// <summary>Institutions whose ETER id or one of whose identifiers equals the value (compared by <see cref="DeqarIds.IdentifierKey"/>).</summary>
    Task<IReadOnlyList<DeqarInstitution>> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken);

    Task<DeqarImportInfo?> GetImportInfoAsync(CancellationToken cancellationToken);

    /// <summary>Replaces all DEQAR data with <paramref name="institutions"/> in one transaction (the published file is the full list).</summary>
    Task ReplaceAllAsync(IReadOnlyList<DeqarInstitution> institutions, DeqarImportInfo info, CancellationToken cancellationToken);
}

/// <summary>DEQAR institution ids and identifier comparison.</summary>
public static class DeqarIds
{
    public const string Prefix = "DEQARINST";

    /// <summary>
    /// <c>DEQARINST0382</c> (any case, at least four digits as DEQAR pads them) for
    /// <c>DEQARINST382</c>/<c>deqarinst0382</c>, and for a bare number when <paramref name="allowBareNumber"/>
    /// (the numeric <c>id</c> column); null when the value is not a DEQAR institution id.
    /// </summary>
    public static string? Normalize(string? value, bool allowBareNumber = false)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            text = text[Prefix.Length..];
        else if (!allowBareNumber)
            return null;
        if (text.Length is 0 or > 9 || !text.All(char.IsAsciiDigit))
            return null;
        var number = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return number == 0 ? null : Prefix + number.ToString("D4", CultureInfo.InvariantCulture);
    }

    /// <summary>The comparison key of an identifier: upper case, without white space (<c>DE 811 193 231</c> = <c>DE811193231</c>).</summary>
    public static string IdentifierKey(string identifier) =>
        string.Concat(identifier.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
