namespace VcService.MicroCredentials.Trust;

/// <summary>Country values as found in registry exports: ISO 3166-1 alpha-2/alpha-3 codes or English names.</summary>
public static class CountryNames
{
    // Names DEQAR/EQAR use that differ from the EU authority table's labels; XK (Kosovo) is user-assigned in ISO 3166.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Czech Republic"] = "CZ", ["Slovak Republic"] = "SK", ["Türkiye"] = "TR", ["Turkiye"] = "TR", ["Holy See"] = "VA",
        ["Republic of Moldova"] = "MD", ["Russian Federation"] = "RU", ["Macedonia"] = "MK", ["Kosovo"] = "XK",
        ["Great Britain"] = "GB", ["UK"] = "GB", ["Vatican"] = "VA",
    };

    private static readonly Lazy<Dictionary<string, string>> ByName = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var a = 'A'; a <= 'Z'; a++)
            for (var b = 'A'; b <= 'Z'; b++)
            {
                var alpha2 = $"{a}{b}";
                if (CodeLists.IsAlpha2(alpha2) && CodeLists.CountryAlpha3(alpha2) is { } alpha3 && CodeLists.CountryName(alpha3) is { } name)
                    names.TryAdd(name, alpha2);
            }
        return names;
    });

    /// <summary>The alpha-2 code, or null when the value is neither a known code nor a known English name.</summary>
    public static string? ToAlpha2(string value)
    {
        var text = value.Trim();
        var upper = text.ToUpperInvariant();
        if (upper.Length == 2 && (CodeLists.IsAlpha2(upper) || upper == "XK"))
            return upper;
        if (upper.Length == 3 && CodeLists.IsAlpha3(upper))
            return CodeLists.Alpha2Of(upper);
        if (upper == "XKX")
            return "XK";
        return Aliases.GetValueOrDefault(text) ?? ByName.Value.GetValueOrDefault(text);
    }
}
