namespace VcService.LinkedData.JsonLd;

/// <summary>JSON-LD 1.1 keywords and vocabulary IRIs used by the algorithms.</summary>
internal static class Keywords
{
    public const string Base = "@base";
    public const string Container = "@container";
    public const string Context = "@context";
    public const string Default = "@default";
    public const string Direction = "@direction";
    public const string Graph = "@graph";
    public const string Id = "@id";
    public const string Import = "@import";
    public const string Included = "@included";
    public const string Index = "@index";
    public const string Json = "@json";
    public const string Language = "@language";
    public const string List = "@list";
    public const string Nest = "@nest";
    public const string None = "@none";
    public const string Prefix = "@prefix";
    public const string Propagate = "@propagate";
    public const string Protected = "@protected";
    public const string Reverse = "@reverse";
    public const string Set = "@set";
    public const string Type = "@type";
    public const string Value = "@value";
    public const string Version = "@version";
    public const string Vocab = "@vocab";

    public const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string RdfType = RdfNs + "type";
    public const string RdfFirst = RdfNs + "first";
    public const string RdfRest = RdfNs + "rest";
    public const string RdfNil = RdfNs + "nil";
    public const string RdfValue = RdfNs + "value";
    public const string RdfLanguage = RdfNs + "language";
    public const string RdfDirection = RdfNs + "direction";
    public const string RdfJson = RdfNs + "JSON";
    public const string XsdNs = "http://www.w3.org/2001/XMLSchema#";
    public const string XsdBoolean = XsdNs + "boolean";
    public const string XsdDouble = XsdNs + "double";
    public const string XsdInteger = XsdNs + "integer";
    public const string I18nNs = "https://www.w3.org/ns/i18n#";

    private static readonly HashSet<string> All = new(StringComparer.Ordinal)
    {
        Base, Container, Context, Direction, Graph, Id, Import, Included, Index, Json, Language, List, Nest, None,
        Prefix, Propagate, Protected, Reverse, Set, Type, Value, Version, Vocab,
    };

    public static bool IsKeyword(string? s) => s is not null && s.Length > 1 && s[0] == '@' && All.Contains(s);

    /// <summary>"Has the form of a keyword" (§4.2.2 step 5): '@' followed by one or more ALPHA.</summary>
    public static bool HasKeywordForm(string s)
    {
        if (s.Length < 2 || s[0] != '@')
        {
            return false;
        }
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            {
                return false;
            }
        }
        return true;
    }
}
