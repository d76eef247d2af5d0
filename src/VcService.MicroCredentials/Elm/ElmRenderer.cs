using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using V = VcService.MicroCredentials.ElmVocabulary;

namespace VcService.MicroCredentials;

/// <summary>
/// Renders an HEI record as an ELM v3 <c>EuropeanDigitalCredential</c> (EDC application profile,
/// VC Data Model 1.1 envelope), following the structure and property names of the official
/// Annex I sample (Sample-MC-Annex1-unsigned.jsonld) and the EDC SHACL shapes.
/// </summary>
public static class ElmRenderer
{
    public static JsonObject Render(HeiRecord record, IssuerProfile issuer, ElmRenderOptions options)
    {
        var cid = options.CredentialId;
        var issued = Timestamp(options.IssuedAt);
        var vc = new JsonObject
        {
            ["@context"] = new JsonArray(V.VcContext, V.EdcContext),
            ["id"] = cid,
            ["type"] = new JsonArray("VerifiableCredential", "EuropeanDigitalCredential"),
            ["credentialProfiles"] = V.Concept(V.CredentialProfileGeneric, V.CredentialProfileScheme, "Generic"),
            ["credentialSchema"] = new JsonObject { ["id"] = V.ShaclSchema, ["type"] = "ShaclValidator2017" },
        };
        if (DisplayParameter(record) is { } display) vc["displayParameter"] = display;
        vc["issuer"] = Issuer(record, issuer);
        // Annex I 5: date of issuing, set by the service at signing time.
        vc["issuanceDate"] = issued;
        vc["issued"] = issued;
        vc["validFrom"] = issued;
        if (options.ExpiresAt is { } exp) vc["expirationDate"] = Timestamp(exp);
        vc["credentialSubject"] = Subject(record, cid);
        return vc;
    }

    /// <summary>Render takes a validated record; an unknown token is a caller bug, named here.</summary>
    private static V.Term Require(IReadOnlyList<V.Term> terms, string token, string field)
        => V.ByToken(terms, token) ?? throw new ArgumentException($"record.{field} '{token}' is not a known token: validate the record with HeiRecordValidator first");

    internal static string Timestamp(DateTimeOffset t)
        => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject? DisplayParameter(HeiRecord record)
    {
        var languages = record.Title.Keys.Select(k => k.Split('-')[0]).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => V.Languages.GetValueOrDefault(k)).OfType<string>().ToList();
        if (languages.Count == 0) return null;
        return new JsonObject
        {
            ["type"] = "DisplayParameter",
            ["title"] = LangMap(record.Title),
            ["primaryLanguage"] = Language(languages[0]),
            ["language"] = new JsonArray(languages.Select(l => (JsonNode)Language(l)).ToArray()),
        };
    }

    private static JsonObject Language(string code)
        => V.Concept($"{V.LanguageScheme}/{code}", V.LanguageScheme, V.LanguageLabels.GetValueOrDefault(code) ?? code, "language");

    private static JsonObject Issuer(HeiRecord record, IssuerProfile issuer)
    {
        var org = new JsonObject { ["id"] = issuer.Did, ["type"] = "Organisation", ["legalName"] = LangMap(issuer.LegalName) };
        if (issuer.LegalIdentifier is { } lid) org["registration"] = LegalIdentifier(lid, issuer.Country);
        if (issuer.DeqarId is { } deqar) org["identifier"] = DeqarIdentifier(deqar);
        if (issuer.Homepage is { } home) org["homepage"] = new JsonObject { ["type"] = "WebResource", ["contentURL"] = home };
        // Annex I 3: country(ies)/region(s) of the issuer, one Location each.
        org["location"] = new JsonArray(record.IssuerCountries.Select(c => (JsonNode)Location(c)).ToArray());
        return org;
    }

    private static JsonObject Subject(HeiRecord record, string cid)
    {
        var l = record.Learner;
        var lang = PrimaryLanguage(record);
        var person = new JsonObject
        {
            ["id"] = l.Did ?? DerivedUuid(cid + "#subject"),
            ["type"] = "Person",
            ["givenName"] = new JsonObject { [lang] = l.GivenName },
            ["familyName"] = new JsonObject { [lang] = l.FamilyName },
            ["fullName"] = new JsonObject { [lang] = $"{l.GivenName} {l.FamilyName}" },
        };
        if (l.DateOfBirth is { } dob) person["dateOfBirth"] = dob + "T00:00:00Z";
        if (l.NationalId is { } nid) person["nationalID"] = LegalIdentifier(nid.Value, nid.Country, keepNotation: true);
        if (l.Email is { } email)
            person["contactPoint"] = new JsonObject
            {
                ["type"] = "ContactPoint",
                ["emailAddress"] = new JsonObject { ["id"] = "mailto:" + email, ["type"] = "Mailbox" },
            };
        person["hasClaim"] = Achievement(record, cid);
        return person;
    }

    private static JsonObject Achievement(HeiRecord record, string cid)
    {
        var awarding = new JsonObject
        {
            ["id"] = cid + "#awarding",
            ["type"] = "AwardingProcess",
            // Annex I 4: awarding body(ies); joint awards list several.
            ["awardingBody"] = new JsonArray(record.AwardingBodies.Select(b => (JsonNode)AwardingBody(b)).ToArray()),
        };
        if (record.AwardedOn is { } on) awarding["awardingDate"] = on + "T00:00:00Z";
        return new JsonObject
        {
            ["id"] = cid + "#achievement",
            ["type"] = "LearningAchievement",
            ["title"] = LangMap(record.Title),
            ["awardedBy"] = awarding,
            ["provenBy"] = Assessment(record, cid),
            ["specifiedBy"] = Qualification(record, cid),
        };
    }

    private static JsonObject Assessment(HeiRecord record, string cid)
    {
        // Annex I 9: type of assessment, in the assessment specification's dcType.
        var spec = new JsonObject
        {
            ["id"] = cid + "#assessment-specification",
            ["type"] = "LearningAssessmentSpecification",
            ["title"] = LangMap(record.Title),
            ["dcType"] = V.Concept(Require(V.AssessmentTypes, record.Assessment.Type, "assessment.type"), V.AssessmentScheme),
        };
        if (record.Assessment.Description is { } d) spec["description"] = LangMap(d);
        var assessment = new JsonObject
        {
            ["id"] = cid + "#assessment",
            ["type"] = "LearningAssessment",
            ["title"] = LangMap(record.Title),
            ["awardedBy"] = new JsonObject { ["id"] = cid + "#awarding" },
        };
        if (record.Grade is { } g) assessment["grade"] = Note(g);
        if (record.Supervision is { } s) assessment["idVerification"] = V.Concept(Require(V.Supervision, s, "supervision"), V.SupervisionScheme);
        assessment["specifiedBy"] = spec;
        return assessment;
    }

    private static JsonObject Qualification(HeiRecord record, string cid)
    {
        var q = new JsonObject
        {
            ["id"] = cid + "#qualification",
            ["type"] = "Qualification",
            ["title"] = LangMap(record.Title),
            // Annex I 6: learning outcomes.
            ["learningOutcome"] = new JsonArray(record.LearningOutcomes.Select(o => (JsonNode)Outcome(o)).ToArray()),
        };
        // Annex I 7: notional workload.
        var w = record.Workload;
        var credits = new JsonArray();
        if (w.Ects is { } ects)
            credits.Add(CreditPoint(V.Concept(V.CreditSystemEcts, V.CreditScheme, "European Credit Transfer System"), ects));
        if (w.System is { } system && w.Value is { } value)
            credits.Add(CreditPoint(CreditSystem(system), value));
        if (credits.Count > 0) q["creditPoint"] = credits;
        if (w.Hours is { } hours) q["volumeOfLearning"] = $"PT{JsonFieldReader.FormatDecimal(hours)}H";
        // Annex I 8: level (and cycle).
        var notes = new JsonArray();
        var level = record.Level;
        if (level.Eqf is { } eqf) q["eqfLevel"] = V.Concept($"{V.EqfPrefix}{eqf}", V.EqfScheme, $"Level {eqf}");
        if (level.Nqf is { } nqf)
        {
            // The framework (a QDR IRI or a name) is carried in our own scheme IRI: an EU framework
            // concept is not a ConceptScheme containing our level concept.
            var framework = V.NqfFrameworkPrefix + Uri.EscapeDataString(nqf.Framework);
            var iri = V.IsIri(nqf.Level) ? nqf.Level : $"{V.NqfLevelPrefix}{Uri.EscapeDataString(nqf.Framework)}:{Uri.EscapeDataString(nqf.Level)}";
            q["nqfLevel"] = V.Concept(iri, framework, nqf.Level, nqf.Level);
        }
        if (level.QfEheaCycle is { } cycle) q["educationLevel"] = V.Concept(Require(V.QfEheaCycles, cycle, "level.qfEheaCycle"), V.QfEheaScheme);
        if (level.NotApplicable == true) notes.Add(TaggedNote(new Dictionary<string, string> { ["en"] = "Level: not applicable" }, V.NoteLevelNotApplicable, "Level not applicable"));
        // Annex I 10: form of participation.
        q["mode"] = V.Concept(Require(V.ParticipationModes, record.Participation.Mode, "participation.mode"), V.ModeScheme);
        if (record.Participation.Description is { } pd) notes.Add(TaggedNote(pd, V.NoteParticipation, "Form of participation"));
        if (record.Prerequisites is { } pre) q["entryRequirement"] = Note(pre);
        // Annex I 11: type of quality assurance.
        q["accreditation"] = Accreditation(record.QualityAssurance);
        if (record.Stackability is { } st)
        {
            var term = Require(V.StackabilityTypes, st.Type, "stackability.type");
            notes.Add(TaggedNote(new Dictionary<string, string> { ["en"] = term.Label }, term.Iri, "Integration/stackability: " + term.Label));
            if (st.Towards is { } towards) q["isPartOf"] = new JsonObject { ["type"] = "Qualification", ["title"] = LangMap(towards) };
        }
        if (record.FurtherInformation is { } fi) notes.Add(TaggedNote(fi, V.NoteFurtherInformation, "Further information"));
        if (notes.Count > 0) q["additionalNote"] = notes;
        return q;
    }

    private static JsonObject Outcome(LearningOutcome o)
    {
        var node = new JsonObject { ["type"] = "LearningOutcome", ["title"] = LangMap(o.Text) };
        if (o.EscoSkill is { } skill)
            node["relatedESCOSkill"] = new JsonObject
            {
                ["id"] = skill,
                ["type"] = "Concept",
                ["inScheme"] = new JsonObject { ["id"] = V.EscoSkillScheme, ["type"] = "ConceptScheme" },
            };
        return node;
    }

    private static JsonObject CreditPoint(JsonObject framework, decimal point)
        => new() { ["type"] = "CreditPoint", ["framework"] = framework, ["point"] = JsonFieldReader.FormatDecimal(point) };

    private static JsonObject CreditSystem(string system)
    {
        if (system == "ecvet")
            return V.Concept(V.CreditSystemEcvet, V.CreditScheme, "European credit system for vocational education and training");
        // Systems we do not know are not claimed to be in the EU credit scheme.
        const string ownScheme = V.OurPrefix + "credit-system";
        return V.IsIri(system)
            ? V.Concept(system, ownScheme, system)
            : V.Concept(V.CreditSystemPrefix + system, ownScheme, system);
    }

    private static JsonObject Accreditation(QualityAssurance qa)
    {
        var agent = new JsonObject { ["type"] = "Organisation", ["legalName"] = LangMap(qa.Body) };
        if (qa.DeqarId is { } deqar) agent["identifier"] = DeqarIdentifier(deqar);
        if (qa.Country is { } country) agent["location"] = Location(country);
        return new JsonObject
        {
            ["type"] = "Accreditation",
            ["dcType"] = V.Concept(Require(V.QualityAssuranceTypes, qa.Type, "qualityAssurance.type"), V.AccreditationScheme),
            ["accreditingAgent"] = agent,
        };
    }

    private static JsonObject AwardingBody(AwardingBody b)
    {
        var org = new JsonObject
        {
            ["type"] = "Organisation",
            ["legalName"] = LangMap(b.LegalName),
            ["registration"] = LegalIdentifier(b.LegalIdentifier, b.Country),
        };
        if (b.DeqarId is { } deqar) org["identifier"] = DeqarIdentifier(deqar);
        org["location"] = Location(b.Country);
        return org;
    }

    private static JsonObject DeqarIdentifier(string id)
        => new() { ["type"] = "Identifier", ["schemeName"] = V.DeqarSchemeName, ["notation"] = id };

    private static JsonObject LegalIdentifier(string notation, string countryCode, bool keepNotation = false)
    {
        var li = new JsonObject { ["type"] = "LegalIdentifier", ["notation"] = notation };
        if (CodeLists.CountryAlpha3(countryCode) is { } a3) li["spatial"] = Country(a3, keepNotation ? countryCode : null);
        return li;
    }

    /// <summary>A Location for a country (address.countryCode) or a region (plus spatialCode).</summary>
    internal static JsonObject Location(string code)
    {
        var kind = CodeLists.Classify(code);
        var a3 = CodeLists.CountryAlpha3(code) ?? code;
        var isCountry = kind is CodeKind.Alpha2 or CodeKind.Alpha3;
        var loc = new JsonObject
        {
            ["type"] = "Location",
            ["address"] = new JsonObject { ["type"] = "Address", ["countryCode"] = Country(a3, isCountry ? code : null) },
        };
        if (kind == CodeKind.Nuts) loc["spatialCode"] = V.Concept(V.NutsPrefix + code, V.NutsScheme, code, code);
        else if (kind == CodeKind.Iso3166_2) loc["spatialCode"] = V.Concept(V.Iso3166_2Prefix + code, V.Iso3166_2Scheme, code, code);
        return loc;
    }

    /// <summary>EU country authority concept; notation carries the code as given (alpha-2 or alpha-3).</summary>
    private static JsonObject Country(string alpha3, string? notation)
        => V.Concept(V.CountryPrefix + alpha3, V.CountryScheme, CodeLists.CountryName(alpha3) ?? alpha3, notation);

    private static JsonObject Note(IReadOnlyDictionary<string, string> text)
        => new() { ["type"] = "Note", ["noteLiteral"] = LangMap(text) };

    private static JsonObject TaggedNote(IReadOnlyDictionary<string, string> text, string subjectIri, string label)
    {
        var note = Note(text);
        note["subject"] = V.Concept(subjectIri, V.NoteScheme, label);
        return note;
    }

    private static JsonObject LangMap(IReadOnlyDictionary<string, string> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map) o[k] = v;
        return o;
    }

    private static string PrimaryLanguage(HeiRecord record) => record.Title.Keys.FirstOrDefault() ?? "en";

    /// <summary>A stable urn:uuid (version-8 style, from SHA-256) for a learner without a DID.</summary>
    internal static string DerivedUuid(string seed)
    {
        var h = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        h[6] = (byte)((h[6] & 0x0F) | 0x80);
        h[8] = (byte)((h[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(h.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
