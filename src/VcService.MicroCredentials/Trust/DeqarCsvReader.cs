namespace VcService.MicroCredentials.Trust;

/// <summary>A row of the DEQAR file that was not imported, and why.</summary>
public sealed record DeqarCsvRejection(int Line, string Message);

/// <summary>The outcome of reading a DEQAR institutions CSV file.</summary>
public sealed record DeqarCsvResult
{
    public IReadOnlyList<DeqarInstitution> Institutions { get; init; } = [];
    public IReadOnlyList<DeqarCsvRejection> Rejected { get; init; } = [];
    /// <summary>Set when the file cannot be read at all (no header, a required column missing, broken quoting).</summary>
    public string? FileError { get; init; }
}

/// <summary>
/// Reads the institutions CSV that EQAR publishes ("download data sets": one row per provider, a
/// header row naming the columns). Columns are found by name, in any order; unknown columns are
/// ignored. Required: <c>deqar_id</c> (or the numeric <c>id</c>), <c>name_primary</c> (or
/// <c>name_official</c>), <c>country</c>. Optional: <c>eter_id</c>, <c>name_official</c>,
/// <c>acronym</c>, <c>city</c>, <c>website_link</c>, <c>identifiers</c>
/// (<c>RESOURCE:value</c> entries separated by <c>;</c>). Comma or semicolon delimited, UTF-8.
/// Every bad row is reported with its line number; good rows are kept.
/// </summary>
public static class DeqarCsvReader
{
    /// <summary>Explicit limits: rows per file, characters per name/identifier, identifiers per row.</summary>
    public const int MaxRows = 200_000;
    public const int MaxNameLength = 500;
    public const int MaxIdentifierLength = 200;
    public const int MaxIdentifiersPerRow = 32;

    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["deqar_id"] = ["deqar_id", "deqarid", "deqar id", "deqar_inst_id"],
        ["id"] = ["id"],
        ["eter_id"] = ["eter_id", "eterid", "eter id", "eter"],
        ["name_primary"] = ["name_primary", "name_english", "name english", "name"],
        ["name_official"] = ["name_official", "name_official_display", "name official"],
        ["acronym"] = ["acronym", "acronym_primary"],
        ["country"] = ["country", "country_id", "country_code", "country_iso", "country_iso_3166_alpha2", "countries"],
        ["city"] = ["city"],
        ["website_link"] = ["website_link", "website", "website link"],
        ["identifiers"] = ["identifiers", "other_identifiers", "identifier"],
    };

    public static DeqarCsvResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (header is null)
            return new DeqarCsvResult { FileError = "the file is empty (expected a header row)" };
        header = header.TrimStart('\uFEFF');
        var delimiter = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        var names = CsvRecords.Read(new StringReader(header), delimiter).FirstOrDefault()?.Fields ?? [];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().ToLowerInvariant();
            foreach (var (key, aliases) in Aliases)
                if (aliases.Contains(name) && !columns.ContainsKey(key))
                    columns[key] = i;
        }
        var missing = new List<string>();
        if (!columns.ContainsKey("deqar_id") && !columns.ContainsKey("id"))
            missing.Add("deqar_id");
        if (!columns.ContainsKey("name_primary") && !columns.ContainsKey("name_official"))
            missing.Add("name_primary");
        if (!columns.ContainsKey("country"))
            missing.Add("country");
        if (missing.Count > 0)
            return new DeqarCsvResult { FileError = $"line 1: the header has no {string.Join(", ", missing)} column (found: {string.Join(", ", names.Select(n => n.Trim()))})" };

        var institutions = new List<DeqarInstitution>();
        var rejected = new List<DeqarCsvRejection>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            // The header was line 1; records start on line 2.
            foreach (var record in CsvRecords.Read(reader, delimiter, firstLine: 2))
            {
                var line = record.Line;
                if (record.Fields.All(string.IsNullOrWhiteSpace))
                    continue;
                if (institutions.Count + rejected.Count >= MaxRows)
                    return new DeqarCsvResult { FileError = $"line {line}: the file has more than {MaxRows} rows" };
                var (institution, error) = ReadRow(record.Fields, columns, names.Count);
                if (error is null && seen.TryGetValue(institution!.DeqarId, out var first))
                    error = $"{institution.DeqarId} appears again (first on line {first})";
                if (error is not null)
                {
                    rejected.Add(new DeqarCsvRejection(line, error));
                    continue;
                }
                seen[institution!.DeqarId] = line;
                institutions.Add(institution);
            }
        }
        catch (FormatException e)
        {
            return new DeqarCsvResult { FileError = e.Message };
        }
        return new DeqarCsvResult { Institutions = institutions, Rejected = rejected };
    }

    private static (DeqarInstitution? Institution, string? Error) ReadRow(IReadOnlyList<string> fields, Dictionary<string, int> columns, int width)
    {
        if (fields.Count != width)
            return (null, $"{fields.Count} fields, the header has {width}");
        string? Get(string key) =>
            columns.TryGetValue(key, out var i) && fields[i].Trim() is { Length: > 0 } value ? value : null;

        var rawId = Get("deqar_id");
        var deqarId = rawId is not null ? DeqarIds.Normalize(rawId) : DeqarIds.Normalize(Get("id"), allowBareNumber: true);
        if (deqarId is null)
            return (null, rawId is null && Get("id") is null ? "deqar_id is empty" : $"deqar_id '{rawId ?? Get("id")}' is not a DEQAR institution id (DEQARINST followed by digits)");

        var primary = Get("name_primary") ?? Get("name_official");
        if (primary is null)
            return (null, "name_primary is empty");
        var official = Get("name_official");
        if (primary.Length > MaxNameLength || official?.Length > MaxNameLength)
            return (null, $"a name is longer than {MaxNameLength} characters");

        var countryText = Get("country");
        if (countryText is null)
            return (null, "country is empty");
        // Several countries: the first is the legal seat (DEQAR data model).
        var firstCountry = countryText.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0];
        var country = CountryNames.ToAlpha2(firstCountry);
        if (country is null)
            return (null, $"country '{firstCountry}' is not an ISO 3166-1 code or a known country name");

        var eterId = Get("eter_id");
        if (eterId is not null && (eterId.Length > 20 || !eterId.All(char.IsAsciiLetterOrDigit)))
            return (null, $"eter_id '{eterId}' is not an ETER id (letters and digits, e.g. DE0069)");

        var website = Get("website_link");
        Uri? site = null;
        if (website is not null && !(Uri.TryCreate(website.Contains("://", StringComparison.Ordinal) ? website : "http://" + website, UriKind.Absolute, out site) && site.Scheme is "http" or "https" && site.Host.Contains('.')))
            return (null, $"website_link '{website}' is not a web address");

        var identifiers = new List<DeqarIdentifier>();
        if (Get("identifiers") is { } list)
            foreach (var entry in list.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = entry.IndexOf(':');
                var (resource, value) = colon > 0 && colon <= 40 && !entry[..colon].Contains(' ') ? (entry[..colon].Trim(), entry[(colon + 1)..].Trim()) : ((string?)null, entry);
                if (value.Length == 0 || value.Length > MaxIdentifierLength)
                    return (null, $"identifier '{entry}' is empty or longer than {MaxIdentifierLength} characters");
                if (identifiers.Count >= MaxIdentifiersPerRow)
                    return (null, $"more than {MaxIdentifiersPerRow} identifiers");
                identifiers.Add(new DeqarIdentifier(value, resource));
            }

        return (new DeqarInstitution
        {
            DeqarId = deqarId,
            EterId = eterId,
            NamePrimary = primary,
            NameOfficial = official,
            Acronym = Get("acronym"),
            Country = country,
            City = Get("city"),
            WebsiteLink = website is null ? null : site!.AbsoluteUri,
            Identifiers = identifiers,
        }, null);
    }
}
