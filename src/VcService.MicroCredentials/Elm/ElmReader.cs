using System.Globalization;
using System.Text.Json.Nodes;
using V = VcService.MicroCredentials.ElmVocabulary;
using static VcService.MicroCredentials.CredentialJson;

namespace VcService.MicroCredentials;

/// <summary>
/// Reads an ELM <c>EuropeanDigitalCredential</c> back into the Annex I view (same field names as
/// the HEI record). Credentials come from outside: every access is type-checked, nothing throws.
/// Completeness is judged by running the HEI record validator over the view.
/// </summary>
public static class ElmReader
{
    /// <summary>Upper bound on items read from any one array (hostile input).</summary>
    public const int MaxItems = CredentialJson.MaxItems;

    public static AnnexIViewResult Read(JsonObject credential)
    {
        try
        {
            return ReadCore(credential);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Hostile input boundary: e.g. duplicate member names in a lazily parsed JsonObject
            // surface here. A report, never an exception.
            return new AnnexIViewResult { View = new JsonObject(), Missing = [new("credential", "unreadable credential: " + e.Message)] };
        }
    }

    private static AnnexIViewResult ReadCore(JsonObject vc)
    {
        var view = new JsonObject();
        var subject = First(vc, "credentialSubject");
        var achievement = First(subject, "hasClaim");
        var qualification = First(achievement, "specifiedBy");
        var assessment = First(achievement, "provenBy");
        var notes = Items(qualification, "additionalNote").ToList();

        if (Learner(subject) is { } learner) view["learner"] = learner;
        if ((LangMap(achievement, "title") ?? LangMap(qualification, "title")) is { } title) view["title"] = title;
        view["issuerCountries"] = new JsonArray(Items(First(vc, "issuer"), "location").Select(LocationCode).OfType<string>().Select(c => (JsonNode)c).ToArray());
        var awarding = First(achievement, "awardedBy");
        view["awardingBodies"] = new JsonArray(Items(awarding, "awardingBody").Select(AwardingBody).Select(b => (JsonNode)b).ToArray());
        view["learningOutcomes"] = new JsonArray(Items(qualification, "learningOutcome").Select(Outcome).Select(o => (JsonNode)o).ToArray());
        if (Workload(qualification) is { } workload) view["workload"] = workload;
        if (Level(qualification, notes) is { } level) view["level"] = level;

        var aSpec = First(assessment, "specifiedBy");
        if (Id(First(aSpec, "dcType")) is { } aType)
        {
            var a = new JsonObject { ["type"] = V.ByIri(V.AssessmentTypes, aType)?.Token ?? "other" };
            if (LangMap(aSpec, "description") is { } d) a["description"] = d;
            view["assessment"] = a;
        }
        if (Id(First(qualification, "mode")) is { } mode)
        {
            var p = new JsonObject { ["mode"] = V.ByIri(V.ParticipationModes, mode)?.Token ?? "other" };
            if (TaggedNote(notes, V.NoteParticipation) is { } d) p["description"] = d;
            view["participation"] = p;
        }
        if (QualityAssurance(First(qualification, "accreditation")) is { } qa) view["qualityAssurance"] = qa;

        if (LangMap(First(qualification, "entryRequirement"), "noteLiteral") is { } pre) view["prerequisites"] = pre;
        if (V.ByIri(V.Supervision, Id(First(assessment, "idVerification"))) is { } sup) view["supervision"] = sup.Token;
        if (LangMap(First(assessment, "grade"), "noteLiteral") is { } grade) view["grade"] = grade;
        if (Stackability(qualification, notes) is { } st) view["stackability"] = st;
        if (TaggedNote(notes, V.NoteFurtherInformation) is { } fi) view["furtherInformation"] = fi;
        if (Date(Str(awarding, "awardingDate")) is { } on) view["awardedOn"] = on;

        var issuedAt = Instant(Str(vc, "issued")) ?? Instant(Str(vc, "issuanceDate")) ?? Instant(Str(vc, "validFrom"));

        // Completeness: the view must satisfy the Annex I rules (no issuer profile, dates as given).
        var missing = AnnexIErrors(view);
        if (issuedAt is null) missing.Add(new("issued", "date of issuing (Annex I 5) is missing or not an ISO 8601 date-time"));
        return new AnnexIViewResult { View = view, Missing = missing, IssuedAt = issuedAt };
    }

    private static JsonObject? Learner(JsonObject? s)
    {
        if (s is null) return null;
        var l = new JsonObject();
        if (FirstText(s, "givenName") is { } g) l["givenName"] = g;
        if (FirstText(s, "familyName") is { } f) l["familyName"] = f;
        if (Date(Str(s, "dateOfBirth")) is { } dob) l["dateOfBirth"] = dob;
        foreach (var cp in Items(s, "contactPoint"))
            if (Items(cp, "emailAddress").Select(Id).FirstOrDefault(i => i?.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) == true) is { } mail)
            {
                l["email"] = mail["mailto:".Length..];
                break;
            }
        if (First(s, "nationalID") is { } nid && Str(nid, "notation") is { } value)
            l["nationalId"] = new JsonObject { ["value"] = value, ["country"] = ConceptCountry(First(nid, "spatial")) };
        if (Id(s) is { } id && id.StartsWith("did:", StringComparison.Ordinal)) l["did"] = id;
        return l;
    }

    private static JsonObject AwardingBody(JsonObject org)
    {
        var b = new JsonObject();
        if (LangMap(org, "legalName") is { } name) b["legalName"] = name;
        var reg = First(org, "registration") ?? First(org, "eIDASIdentifier") ?? First(org, "vatIdentifier");
        if (Str(reg, "notation") is { } lid) b["legalIdentifier"] = lid;
        if ((Items(org, "location").Select(LocationCode).FirstOrDefault(c => c is not null) ?? ConceptCountry(First(reg, "spatial"))) is { } c)
            b["country"] = c;
        if (Deqar(org) is { } deqar) b["deqarId"] = deqar;
        return b;
    }

    private static JsonObject Outcome(JsonObject o)
    {
        var r = new JsonObject();
        if (LangMap(o, "title") is { } text) r["text"] = text;
        if (Id(First(o, "relatedESCOSkill")) is { } skill) r["escoSkill"] = skill;
        return r;
    }

    private static JsonObject? Workload(JsonObject? q)
    {
        var w = new JsonObject();
        foreach (var cp in Items(q, "creditPoint"))
        {
            var framework = Id(First(cp, "framework"));
            var point = DecimalText(Str(cp, "point"));
            if (framework is null || point is null) continue;
            if (framework == V.CreditSystemEcts) { w["ects"] ??= point; continue; }
            if (w.ContainsKey("system")) continue;
            w["system"] = framework == V.CreditSystemEcvet ? "ecvet"
                : framework.StartsWith(V.CreditSystemPrefix, StringComparison.Ordinal) ? framework[V.CreditSystemPrefix.Length..] : framework;
            w["value"] = point;
        }
        if (Str(q, "volumeOfLearning") is { } vol && vol.StartsWith("PT", StringComparison.Ordinal) && vol.EndsWith('H')
            && DecimalText(vol[2..^1]) is { } hours)
            w["hours"] = hours;
        return w.Count == 0 ? null : w;
    }

    private static JsonObject? Level(JsonObject? q, List<JsonObject> notes)
    {
        var l = new JsonObject();
        if (Id(First(q, "eqfLevel")) is { } eqf && eqf.StartsWith(V.EqfPrefix, StringComparison.Ordinal)
            && int.TryParse(eqf[V.EqfPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            l["eqf"] = n;
        if (V.ByIri(V.QfEheaCycles, Id(First(q, "educationLevel"))) is { } cycle) l["qfEheaCycle"] = cycle.Token;
        if (First(q, "nqfLevel") is { } nqf && Id(First(nqf, "inScheme")) is { } fw && Str(nqf, "notation") is { } lvl)
        {
            var framework = fw.StartsWith(V.NqfFrameworkPrefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(fw[V.NqfFrameworkPrefix.Length..]) : fw;
            l["nqf"] = new JsonObject { ["framework"] = framework, ["level"] = lvl };
        }
        if (FindNote(notes, V.NoteLevelNotApplicable) is not null) l["notApplicable"] = true;
        return l.Count == 0 ? null : l;
    }

    private static JsonObject? QualityAssurance(JsonObject? acc)
    {
        if (acc is null) return null;
        var type = Id(First(acc, "dcType")) switch
        {
            null => null,
            "http://data.europa.eu/snb/accreditation/003293d2ce" => "external-institutional", // Institutional License
            "http://data.europa.eu/snb/accreditation/e57dddfcf3" => "external-programme",     // Program License
            var iri => V.ByIri(V.QualityAssuranceTypes, iri)?.Token ?? "other",
        };
        var qa = new JsonObject();
        if (type is not null) qa["type"] = type;
        var agent = First(acc, "accreditingAgent");
        if (LangMap(agent, "legalName") is { } body) qa["body"] = body;
        if (Deqar(agent) is { } deqar) qa["deqarId"] = deqar;
        if (Items(agent, "location").Select(LocationCode).FirstOrDefault(c => c is not null) is { } c) qa["country"] = c;
        return qa;
    }

    private static JsonObject? Stackability(JsonObject? q, List<JsonObject> notes)
    {
        var term = V.StackabilityTypes.FirstOrDefault(t => FindNote(notes, t.Iri) is not null);
        if (term is null) return null;
        var st = new JsonObject { ["type"] = term.Token };
        if (LangMap(First(q, "isPartOf"), "title") is { } towards) st["towards"] = towards;
        return st;
    }

    /// <summary>The record's code for a Location: region (spatialCode) first, else the country.</summary>
    private static string? LocationCode(JsonObject loc)
    {
        if (First(loc, "spatialCode") is { } region)
        {
            // Only codes of our formats; other regions (e.g. ATU) fall back to the country.
            var code = Suffix(Id(region), V.NutsPrefix) ?? Suffix(Id(region), V.Iso3166_2Prefix);
            if (code is not null && CodeLists.Classify(code) is CodeKind.Nuts or CodeKind.Iso3166_2) return code;
        }
        return ConceptCountry(First(First(loc, "address"), "countryCode"));
    }

    /// <summary>Country code of an EU country concept: notation when it names the same country, else alpha-3.</summary>
    private static string? ConceptCountry(JsonObject? concept)
    {
        var a3 = Suffix(Id(concept), V.CountryPrefix);
        if (a3 is null) return null;
        var notation = Str(concept, "notation");
        return notation is not null && CodeLists.Classify(notation) is CodeKind.Alpha2 or CodeKind.Alpha3
            && CodeLists.CountryAlpha3(notation) == a3 ? notation : a3;
    }

    private static string? Deqar(JsonObject? org)
        => Items(org, "identifier").Where(i => Str(i, "schemeName") == V.DeqarSchemeName).Select(i => Str(i, "notation")).FirstOrDefault(n => n is not null);

    private static JsonObject? FindNote(List<JsonObject> notes, string subject)
        => notes.FirstOrDefault(n => Items(n, "subject").Any(s => Id(s) == subject));

    private static JsonObject? TaggedNote(List<JsonObject> notes, string subject) => LangMap(FindNote(notes, subject), "noteLiteral");

    private static string? Suffix(string? iri, string prefix)
        => iri is not null && iri.StartsWith(prefix, StringComparison.Ordinal) && iri.Length > prefix.Length ? iri[prefix.Length..] : null;

    private static string? FirstText(JsonObject o, string name)
        => LangMap(o, name) is { } m ? m.Select(kv => kv.Value?.GetValue<string>()).FirstOrDefault() : Str(o, name);
}
