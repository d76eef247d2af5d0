using System.Text.Json.Nodes;

namespace VcService.MicroCredentials;

/// <summary>
/// Every token -> IRI mapping of the <c>elm</c> profile, once. EU IRIs come from the EU vocabularies
/// (reference/elm/vocabularies.json) or the official Annex I sample. Where the EU has no concept
/// for one of our tokens (or we could not find it), the token is carried in a clearly non-EU
/// <c>urn:vcservice:…</c> IRI — never an invented data.europa.eu IRI.
/// </summary>
public static class ElmVocabulary
{
    public const string VcContext = "https://www.w3.org/2018/credentials/v1";
    public const string EdcContext = "http://data.europa.eu/snb/model/context/edc-ap";
    public const string OurPrefix = "urn:vcservice:";

    public const string CredentialProfileScheme = "http://data.europa.eu/snb/credential/25831c2";
    public const string CredentialProfileGeneric = "http://data.europa.eu/snb/credential/e34929035b";
    public const string ShaclSchema = "http://data.europa.eu/snb/model/ap/edc-generic-full";

    public const string CountryScheme = "http://publications.europa.eu/resource/authority/country";
    public const string CountryPrefix = CountryScheme + "/";
    public const string NutsScheme = "http://data.europa.eu/nuts";
    public const string NutsPrefix = "http://data.europa.eu/nuts/code/";
    /// <summary>ISO 3166-2 has no EU authority table: our IRI carries the code.</summary>
    public const string Iso3166_2Scheme = OurPrefix + "iso3166-2";
    public const string Iso3166_2Prefix = Iso3166_2Scheme + ":";

    public const string LanguageScheme = "http://publications.europa.eu/resource/authority/language";

    public const string EqfScheme = "http://data.europa.eu/snb/eqf/25831c2";
    public const string EqfPrefix = "http://data.europa.eu/snb/eqf/";

    public const string CreditScheme = "http://data.europa.eu/snb/education-credit/25831c2";
    public const string CreditSystemEcts = "http://data.europa.eu/snb/education-credit/6fcec5c5af";
    public const string CreditSystemEcvet = "http://data.europa.eu/snb/education-credit/60b314e826";
    public const string CreditSystemPrefix = OurPrefix + "credit-system:";

    /// <summary>QF-EHEA cycles have no EU concept IRI in the ELM vocabularies; rendered as educationLevel.</summary>
    public const string QfEheaScheme = OurPrefix + "qf-ehea-cycle";
    public const string QfEheaPrefix = QfEheaScheme + ":";
    public const string NqfFrameworkPrefix = OurPrefix + "nqf-framework:";
    public const string NqfLevelPrefix = OurPrefix + "nqf-level:";

    public const string ModeScheme = "http://data.europa.eu/snb/learning-assessment/25831c2";
    public const string AssessmentScheme = "http://data.europa.eu/snb/assessment/25831c2";
    public const string AccreditationScheme = "http://data.europa.eu/snb/accreditation/25831c2";
    public const string SupervisionScheme = "http://data.europa.eu/snb/supervision-verification/25831c2";
    public const string EscoSkillScheme = "http://data.europa.eu/esco/concept-scheme/skills";

    /// <summary>Subjects tagging our Notes so the reader can tell them apart.</summary>
    public const string NoteScheme = OurPrefix + "annex-i";
    public const string NoteLevelNotApplicable = NoteScheme + ":level-not-applicable";
    public const string NoteParticipation = NoteScheme + ":participation";
    public const string NoteStackabilityPrefix = NoteScheme + ":stackability:";
    public const string NoteFurtherInformation = NoteScheme + ":further-information";
    public const string DeqarSchemeName = "DEQAR";

    public sealed record Term(string Token, string Iri, string Label);

    public static readonly IReadOnlyList<Term> ParticipationModes =
    [
        new("online", "http://data.europa.eu/snb/learning-assessment/920fbb3cbe", "Online"),
        new("onsite", "http://data.europa.eu/snb/learning-assessment/9191af2ed9", "Presential"),
        new("blended", "http://data.europa.eu/snb/learning-assessment/e92d221e4d", "Blended"),
        new("other", OurPrefix + "learning-mode:other", "Other"),
    ];

    public static readonly IReadOnlyList<Term> AssessmentTypes =
    [
        new("written-exam", "http://data.europa.eu/snb/assessment/6e6cb2cc78", "written examination"),
        new("oral-exam", "http://data.europa.eu/snb/assessment/d30284d7df", "oral examination"),
        new("practical", "http://data.europa.eu/snb/assessment/6a4db9f11d", "practical assessment"),
        new("project", "http://data.europa.eu/snb/assessment/795dac4096", "project work"),
        new("portfolio", "http://data.europa.eu/snb/assessment/4f03b91c0e", "portfolio"),
        new("peer-assessment", "http://data.europa.eu/snb/assessment/19a2e5e671", "peer assessment"),
        new("other", OurPrefix + "assessment:other", "other"),
    ];

    /// <summary>
    /// EU accreditation types: "Institutional Quality Assurance" (bb4618238e) and "Program Quality
    /// Assurance" (820101cba6). Internal and other QA have no EU concept.
    /// </summary>
    public static readonly IReadOnlyList<Term> QualityAssuranceTypes =
    [
        new("internal", OurPrefix + "quality-assurance:internal", "Internal quality assurance"),
        new("external-institutional", "http://data.europa.eu/snb/accreditation/bb4618238e", "Institutional Quality Assurance"),
        new("external-programme", "http://data.europa.eu/snb/accreditation/820101cba6", "Program Quality Assurance"),
        new("other", OurPrefix + "quality-assurance:other", "Other quality assurance"),
    ];

    /// <summary>
    /// Only c598449d64 "Unsupervised without ID Verification" maps to a known EU concept of our tokens
    /// (df2880c5cb is "Unsupervised with ID verification", which Annex I's list does not have); the
    /// three supervised variants are carried in our IRIs until their EU IRIs are confirmed.
    /// </summary>
    public static readonly IReadOnlyList<Term> Supervision =
    [
        new("unsupervised-no-id-verification", "http://data.europa.eu/snb/supervision-verification/c598449d64", "Unsupervised without ID Verification"),
        new("supervised-no-id-verification", OurPrefix + "supervision:supervised-no-id-verification", "Supervised without ID verification"),
        new("supervised-online-id-verification", OurPrefix + "supervision:supervised-online-id-verification", "Supervised online with ID verification"),
        new("onsite-id-verification", OurPrefix + "supervision:onsite-id-verification", "Onsite with ID verification"),
    ];

    public static readonly IReadOnlyList<Term> QfEheaCycles =
    [
        new("short", QfEheaPrefix + "short", "QF-EHEA short cycle"),
        new("first", QfEheaPrefix + "first", "QF-EHEA first cycle"),
        new("second", QfEheaPrefix + "second", "QF-EHEA second cycle"),
        new("third", QfEheaPrefix + "third", "QF-EHEA third cycle"),
    ];

    public static readonly IReadOnlyList<Term> StackabilityTypes =
    [
        new("stand-alone", NoteStackabilityPrefix + "stand-alone", "Stand-alone"),
        new("stackable", NoteStackabilityPrefix + "stackable", "Stackable"),
        new("integrated", NoteStackabilityPrefix + "integrated", "Integrated"),
    ];

    /// <summary>BCP 47 primary subtag -> EU language authority code (24 EU official languages + a few).</summary>
    public static readonly IReadOnlyDictionary<string, string> Languages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["bg"] = "BUL", ["cs"] = "CES", ["da"] = "DAN", ["de"] = "DEU", ["el"] = "ELL", ["en"] = "ENG", ["es"] = "SPA",
        ["et"] = "EST", ["fi"] = "FIN", ["fr"] = "FRA", ["ga"] = "GLE", ["hr"] = "HRV", ["hu"] = "HUN", ["it"] = "ITA",
        ["lt"] = "LIT", ["lv"] = "LAV", ["mt"] = "MLT", ["nl"] = "NLD", ["pl"] = "POL", ["pt"] = "POR", ["ro"] = "RON",
        ["sk"] = "SLK", ["sl"] = "SLV", ["sv"] = "SWE", ["is"] = "ISL", ["no"] = "NOR", ["nb"] = "NOB", ["tr"] = "TUR",
        ["ca"] = "CAT", ["eu"] = "EUS", ["gl"] = "GLG", ["uk"] = "UKR", ["sq"] = "SQI", ["mk"] = "MKD", ["sr"] = "SRP",
    };

    internal static bool IsIri(string s) => HeiRecordValidator.IsAbsoluteIri(s);

    /// <summary>English labels of those languages in the EU language authority table.</summary>
    public static readonly IReadOnlyDictionary<string, string> LanguageLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BUL"] = "Bulgarian", ["CES"] = "Czech", ["DAN"] = "Danish", ["DEU"] = "German", ["ELL"] = "Greek", ["ENG"] = "English", ["SPA"] = "Spanish", ["EST"] = "Estonian", ["FIN"] = "Finnish", ["FRA"] = "French", ["GLE"] = "Irish", ["HRV"] = "Croatian", ["HUN"] = "Hungarian", ["ITA"] = "Italian", ["LIT"] = "Lithuanian", ["LAV"] = "Latvian", ["MLT"] = "Maltese", ["NLD"] = "Dutch", ["POL"] = "Polish", ["POR"] = "Portuguese", ["RON"] = "Romanian", ["SLK"] = "Slovak", ["SLV"] = "Slovenian", ["SWE"] = "Swedish", ["ISL"] = "Icelandic", ["NOR"] = "Norwegian", ["NOB"] = "Norwegian Bokmål", ["TUR"] = "Turkish", ["CAT"] = "Catalan", ["EUS"] = "Basque", ["GLG"] = "Galician", ["UKR"] = "Ukrainian", ["SQI"] = "Albanian", ["MKD"] = "Macedonian", ["SRP"] = "Serbian",
    };

    public static Term? ByToken(IReadOnlyList<Term> terms, string token) => terms.FirstOrDefault(t => t.Token == token);
    public static Term? ByIri(IReadOnlyList<Term> terms, string? iri) => terms.FirstOrDefault(t => t.Iri == iri);

    /// <summary>A Concept node as in the official sample: id, type, inScheme, prefLabel (and notation).</summary>
    public static JsonObject Concept(string iri, string scheme, string label, string? notation = null)
    {
        var c = new JsonObject
        {
            ["id"] = iri,
            ["type"] = "Concept",
            ["inScheme"] = new JsonObject { ["id"] = scheme, ["type"] = "ConceptScheme" },
        };
        if (notation is not null) c["notation"] = notation;
        c["prefLabel"] = new JsonObject { ["en"] = label };
        return c;
    }

    /// <summary>A Concept for a term; our urn: terms sit in our own scheme, never in an EU scheme.</summary>
    public static JsonObject Concept(Term term, string scheme) => Concept(term.Iri, OwnScheme(term.Iri) ?? scheme, term.Label);

    /// <summary>urn:vcservice:kind:token -> urn:vcservice:kind; null for other IRIs.</summary>
    public static string? OwnScheme(string iri)
        => iri.StartsWith(OurPrefix, StringComparison.Ordinal) && iri.LastIndexOf(':') is var i && i > OurPrefix.Length ? iri[..i] : null;
}
