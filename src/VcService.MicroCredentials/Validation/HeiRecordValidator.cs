using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VcService.MicroCredentials;

/// <summary>
/// Validates an HEI record (JSON) against the Annex I rules (DESIGN §1) and an optional issuer
/// profile. Reports every error at once with a dotted path; never throws for any JSON input.
/// </summary>
public static partial class HeiRecordValidator
{
    internal static readonly string[] TopLevelFields =
    [
        "learner", "title", "issuerCountries", "awardingBodies", "learningOutcomes", "workload", "level",
        "assessment", "participation", "qualityAssurance", "prerequisites", "supervision", "grade",
        "stackability", "furtherInformation", "awardedOn",
    ];

    public static HeiRecordValidation Validate(JsonNode? body, ValidationProfile? profile = null)
        => Validate(body, profile, TimeProvider.System);

    public static HeiRecordValidation Validate(JsonNode? body, ValidationProfile? profile, TimeProvider time)
    {
        try
        {
            return ValidateCore(body, profile, time);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            // E.g. a lazily parsed JsonObject with duplicate member names throws on first access.
            return new() { Errors = [new("", "malformed JSON: " + e.Message)] };
        }
    }

    private static HeiRecordValidation ValidateCore(JsonNode? body, ValidationProfile? profile, TimeProvider time)
    {
        var errors = new List<ValidationError>();
        if (body is not JsonObject root)
        {
            errors.Add(new("", $"the HEI record must be a JSON object, not {JsonFieldReader.KindName(body)}"));
            return new() { Errors = errors };
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var r = new JsonFieldReader(errors);
        r.RejectUnknown(root, "", TopLevelFields);

        // Annex I 1–11 (5, the date of issuing, is set by the service).
        var learner = ReadLearner(r, root, today);
        var title = r.LanguageMap(root, "title", "", true, "Annex I 2: title of the micro-credential");
        var countries = ReadIssuerCountries(r, root);
        var bodies = ReadAwardingBodies(r, root);
        var outcomes = ReadLearningOutcomes(r, root);
        var workload = ReadWorkload(r, root);
        var level = ReadLevel(r, root);
        var assessment = ReadAssessment(r, root);
        var participation = ReadParticipation(r, root);
        var qa = ReadQualityAssurance(r, root);

        // Optional elements.
        var prerequisites = r.LanguageMap(root, "prerequisites", "", false);
        var supervision = Token(r, root, "supervision", "", AnnexITokens.Supervision, false);
        var grade = r.LanguageMap(root, "grade", "", false);
        var stackability = ReadStackability(r, root);
        var further = r.LanguageMap(root, "furtherInformation", "", false);
        var awardedOn = Date(r, root, "awardedOn", "", today, "awarding date");

        if (errors.Count > 0 || learner is null || title is null || countries is null || bodies is null || outcomes is null
            || workload is null || level is null || assessment is null || participation is null || qa is null)
            return new() { Errors = errors };

        var record = new HeiRecord
        {
            Learner = learner, Title = title, IssuerCountries = countries, AwardingBodies = bodies,
            LearningOutcomes = outcomes, Workload = workload, Level = level, Assessment = assessment,
            Participation = participation, QualityAssurance = qa, Prerequisites = prerequisites,
            Supervision = supervision, Grade = grade, Stackability = stackability,
            FurtherInformation = further, AwardedOn = awardedOn,
        };
        (profile ?? ValidationProfile.Default).Apply(record, errors);
        return errors.Count > 0 ? new() { Errors = errors } : new() { Errors = errors, Record = record };
    }

    private static Learner? ReadLearner(JsonFieldReader r, JsonObject root, DateOnly today)
    {
        var o = r.Object(root, "learner", "", true, "Annex I 1: identification of the learner");
        if (o is null) return null;
        const string p = "learner";
        r.RejectUnknown(o, p, "givenName", "familyName", "dateOfBirth", "email", "nationalId", "did");
        var given = r.String(o, "givenName", p, true);
        var family = r.String(o, "familyName", p, true);
        var dob = Date(r, o, "dateOfBirth", p, today, "date of birth");
        var email = r.String(o, "email", p, false);
        if (email is not null && (email.Length > 254 || !Email().IsMatch(email)))
        {
            r.Add("learner.email", "must be an e-mail address (local@domain.tld)");
            email = null;
        }
        NationalId? nid = null;
        if (r.Object(o, "nationalId", p, false) is { } n)
        {
            const string np = "learner.nationalId";
            r.RejectUnknown(n, np, "value", "country");
            var value = r.String(n, "value", np, true);
            var country = r.String(n, "country", np, true);
            if (country is not null && CodeLists.Classify(country) is not (CodeKind.Alpha2 or CodeKind.Alpha3))
            {
                r.Add("learner.nationalId.country", "must be an ISO 3166-1 alpha-2 or alpha-3 country code (upper case)");
                country = null;
            }
            if (value is not null && country is not null) nid = new(value, country);
        }
        var did = r.String(o, "did", p, false);
        if (did is not null && !Did().IsMatch(did))
        {
            r.Add("learner.did", "must be a DID (did:<method>:<method-specific-id>)");
            did = null;
        }
        return given is null || family is null ? null
            : new Learner { GivenName = given, FamilyName = family, DateOfBirth = dob, Email = email, NationalId = nid, Did = did };
    }

    private static List<string>? ReadIssuerCountries(JsonFieldReader r, JsonObject root)
    {
        var a = r.Array_(root, "issuerCountries", "", true, "Annex I 3: country(ies)/region(s) of the issuer");
        if (a is null) return null;
        var list = new List<string>();
        for (var i = 0; i < a.Count; i++)
        {
            var path = $"issuerCountries[{i}]";
            var s = r.StringValue(a[i], path);
            if (s is null) continue;
            if (CodeLists.Classify(s) is null) { r.Add(path, CountryMessage); continue; }
            if (list.Contains(s)) { r.Add(path, "duplicate code"); continue; }
            list.Add(s);
        }
        return list.Count == a.Count ? list : null;
    }

    internal const string CountryMessage =
        "must be an ISO 3166-1 alpha-2/alpha-3 country code, an ISO 3166-2 subdivision (e.g. DE-BY) or a NUTS code (e.g. DE21), upper case";

    private static List<AwardingBody>? ReadAwardingBodies(JsonFieldReader r, JsonObject root)
    {
        var a = r.Array_(root, "awardingBodies", "", true, "Annex I 4: awarding body(ies)");
        if (a is null) return null;
        var list = new List<AwardingBody>();
        for (var i = 0; i < a.Count; i++)
        {
            var p = $"awardingBodies[{i}]";
            if (a[i] is not JsonObject o) { r.Add(p, $"must be an object, not {JsonFieldReader.KindName(a[i])}"); continue; }
            r.RejectUnknown(o, p, "legalName", "legalIdentifier", "country", "deqarId");
            var name = r.LanguageMap(o, "legalName", p, true);
            var id = r.String(o, "legalIdentifier", p, true);
            var country = r.String(o, "country", p, true);
            if (country is not null && CodeLists.Classify(country) is null) { r.Add($"{p}.country", CountryMessage); country = null; }
            var deqar = r.String(o, "deqarId", p, false);
            if (name is not null && id is not null && country is not null)
                list.Add(new AwardingBody { LegalName = name, LegalIdentifier = id, Country = country, DeqarId = deqar });
        }
        return list.Count == a.Count ? list : null;
    }

    private static List<LearningOutcome>? ReadLearningOutcomes(JsonFieldReader r, JsonObject root)
    {
        var a = r.Array_(root, "learningOutcomes", "", true, "Annex I 6: learning outcomes");
        if (a is null) return null;
        var list = new List<LearningOutcome>();
        for (var i = 0; i < a.Count; i++)
        {
            var p = $"learningOutcomes[{i}]";
            if (a[i] is not JsonObject o) { r.Add(p, $"must be an object, not {JsonFieldReader.KindName(a[i])}"); continue; }
            r.RejectUnknown(o, p, "text", "escoSkill");
            var text = r.LanguageMap(o, "text", p, true);
            var esco = r.String(o, "escoSkill", p, false);
            if (esco is not null && !IsHttpIri(esco)) { r.Add($"{p}.escoSkill", "must be an absolute http(s) IRI (ESCO skill, e.g. http://data.europa.eu/esco/skill/…)"); esco = null; text = null; }
            if (text is not null) list.Add(new LearningOutcome { Text = text, EscoSkill = esco });
        }
        return list.Count == a.Count ? list : null;
    }

    private static Workload? ReadWorkload(JsonFieldReader r, JsonObject root)
    {
        var o = r.Object(root, "workload", "", true, "Annex I 7: notional workload");
        if (o is null) return null;
        const string p = "workload";
        var before = r.Errors.Count;
        r.RejectUnknown(o, p, "ects", "hours", "system", "value");
        var ects = r.Decimal(o, "ects", p);
        if (ects is <= 0) r.Add("workload.ects", "must be a decimal number greater than 0 (e.g. 1.5, 7.5)");
        var hours = r.Decimal(o, "hours", p);
        if (hours is <= 0) r.Add("workload.hours", "must be a number greater than 0");
        var system = r.String(o, "system", p, false);
        var value = r.Decimal(o, "value", p);
        if (value is <= 0) r.Add("workload.value", "must be a number greater than 0");
        if (system is not null)
        {
            if (system == ElmVocabulary.CreditSystemEcvet) system = "ecvet";
            if (system.Equals("ects", StringComparison.OrdinalIgnoreCase)) r.Add("workload.system", "use workload.ects for ECTS credits");
            else if (!CreditToken().IsMatch(system) && !IsAbsoluteIri(system))
                r.Add("workload.system", "must be a credit system token (e.g. ecvet) or an absolute IRI");
        }
        if ((system is null) != (value is null) && !o.ContainsKey(system is null ? "system" : "value"))
            r.Add(system is null ? "workload.system" : "workload.value", "workload.system and workload.value must be given together");
        if (!o.ContainsKey("ects") && !o.ContainsKey("hours") && !o.ContainsKey("system") && !o.ContainsKey("value"))
            r.Add("workload", "must give ects, hours, or system + value");
        return r.Errors.Count > before ? null : new Workload { Ects = ects, Hours = hours, System = system, Value = value };
    }

    private static Level? ReadLevel(JsonFieldReader r, JsonObject root)
    {
        var o = r.Object(root, "level", "", true, "Annex I 8: level (and cycle)");
        if (o is null) return null;
        const string p = "level";
        var before = r.Errors.Count;
        r.RejectUnknown(o, p, "eqf", "qfEheaCycle", "nqf", "notApplicable");
        int? eqf = null;
        if (r.Decimal(o, "eqf", p) is { } e)
        {
            if (e != decimal.Truncate(e) || e < 1 || e > 8) r.Add("level.eqf", "must be an integer EQF level from 1 to 8");
            else eqf = (int)e;
        }
        var cycle = Token(r, o, "qfEheaCycle", p, AnnexITokens.QfEheaCycle, false);
        Nqf? nqf = null;
        if (r.Object(o, "nqf", p, false) is { } n)
        {
            const string np = "level.nqf";
            r.RejectUnknown(n, np, "framework", "level");
            var framework = r.String(n, "framework", np, true);
            string? lvl = null;
            if (n["level"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                lvl = r.Decimal(n, "level", np) is { } d ? JsonFieldReader.FormatDecimal(d) : null;
            else lvl = r.String(n, "level", np, true);
            if (framework is not null && lvl is not null) nqf = new(framework, lvl);
        }
        var na = r.Boolean(o, "notApplicable", p);
        var hasAny = o.ContainsKey("eqf") || o.ContainsKey("qfEheaCycle") || o.ContainsKey("nqf");
        if (na == true && hasAny) r.Add("level.notApplicable", "notApplicable excludes eqf, qfEheaCycle and nqf");
        if (na != true && !hasAny) r.Add("level", "must give at least one of eqf, qfEheaCycle, nqf, or notApplicable: true");
        return r.Errors.Count > before ? null
            : new Level { Eqf = eqf, QfEheaCycle = cycle, Nqf = nqf, NotApplicable = na == true ? true : null };
    }

    private static Assessment? ReadAssessment(JsonFieldReader r, JsonObject root)
    {
        var o = r.Object(root, "assessment", "", true, "Annex I 9: type of assessment");
        if (o is null) return null;
        r.RejectUnknown(o, "assessment", "type", "description");
        var type = Token(r, o, "type", "assessment", AnnexITokens.AssessmentType, true);
        var description = r.LanguageMap(o, "description", "assessment", false);
        return type is null || (o.ContainsKey("description") && description is null) ? null : new Assessment { Type = type, Description = description };
    }

    private static Participation? ReadParticipation(JsonFieldReader r, JsonObject root)
    {
        var o = r.Object(root, "participation", "", true, "Annex I 10: form of participation");
        if (o is null) return null;
        r.RejectUnknown(o, "participation", "mode", "description");
        var mode = Token(r, o, "mode", "participation", AnnexITokens.ParticipationMode, true);
        var description = r.LanguageMap(o, "description", "participation", false);
        return mode is null || (o.ContainsKey("description") && description is null) ? null : new Participation { Mode = mode, Description = description };
    }

    private static QualityAssurance? ReadQualityAssurance(JsonFieldReader r, JsonObject root)
    {
        var o = r.Object(root, "qualityAssurance", "", true, "Annex I 11: type of quality assurance");
        if (o is null) return null;
        const string p = "qualityAssurance";
        var before = r.Errors.Count;
        r.RejectUnknown(o, p, "type", "body", "deqarId", "country");
        var type = Token(r, o, "type", p, AnnexITokens.QualityAssuranceType, true);
        var body = r.LanguageMap(o, "body", p, true, "name of the quality assurance body");
        var deqar = r.String(o, "deqarId", p, false);
        var country = r.String(o, "country", p, false);
        if (country is not null && CodeLists.Classify(country) is null) r.Add("qualityAssurance.country", CountryMessage);
        return r.Errors.Count > before || type is null || body is null ? null
            : new QualityAssurance { Type = type, Body = body, DeqarId = deqar, Country = country };
    }

    private static Stackability? ReadStackability(JsonFieldReader r, JsonObject root)
    {
        var o = r.Object(root, "stackability", "", false);
        if (o is null) return null;
        const string p = "stackability";
        var before = r.Errors.Count;
        r.RejectUnknown(o, p, "type", "towards");
        var type = Token(r, o, "type", p, AnnexITokens.StackabilityType, true);
        var towards = r.LanguageMap(o, "towards", p, false);
        if (type == "stand-alone" && towards is not null) r.Add("stackability.towards", "a stand-alone micro-credential does not stack towards another credential");
        return r.Errors.Count > before || type is null ? null : new Stackability { Type = type, Towards = towards };
    }

    private static string? Token(JsonFieldReader r, JsonObject o, string name, string path, IReadOnlyList<string> allowed, bool required)
    {
        var s = r.String(o, name, path, required);
        if (s is null || allowed.Contains(s)) return s;
        r.Add(JsonFieldReader.Join(path, name), $"must be one of: {string.Join(", ", allowed)}");
        return null;
    }

    private static string? Date(JsonFieldReader r, JsonObject o, string name, string path, DateOnly today, string what)
    {
        var s = r.String(o, name, path, false);
        if (s is null) return null;
        var p = JsonFieldReader.Join(path, name);
        if (!IsoDate().IsMatch(s) || !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            r.Add(p, "must be an ISO 8601 date YYYY-MM-DD");
            return null;
        }
        if (d > today) { r.Add(p, $"{what} must not be in the future"); return null; }
        return s;
    }

    internal static bool IsHttpIri(string s)
        => Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && !s.Any(char.IsWhiteSpace);

    internal static bool IsAbsoluteIri(string s)
        => Uri.TryCreate(s, UriKind.Absolute, out _) && !s.Any(char.IsWhiteSpace) && s.Contains(':');

    [GeneratedRegex(@"^[^@\s""<>()\[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")]
    private static partial Regex Email();

    // DID Core §3.1 syntax: did:method-name:method-specific-id (idchar = ALPHA / DIGIT / . - _ / pct-encoded).
    [GeneratedRegex("^did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$")]
    private static partial Regex Did();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CreditToken();
}
