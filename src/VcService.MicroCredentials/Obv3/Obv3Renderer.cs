using System.Text;
using System.Text.Json.Nodes;
using E = VcService.MicroCredentials.ElmVocabulary;
using V = VcService.MicroCredentials.Obv3Vocabulary;

namespace VcService.MicroCredentials;

/// <summary>
/// Renders an HEI record as a 1EdTech Open Badges 3.0 <c>OpenBadgeCredential</c> with
/// <c>achievementType: "MicroCredential"</c> in a VC Data Model 2.0 envelope. Annex I elements go into
/// their natural OB fields; what OB has no field for goes into our extension (context
/// <see cref="Obv3Vocabulary.AnnexIContext"/>), added as the extra types <c>AnnexIProfile</c>,
/// <c>AnnexISubject</c> and <c>AnnexIAchievement</c> whose type-scoped contexts define the terms (the OB 3.0
/// "extending the data model" pattern). OB text fields are plain strings: they carry the primary language
/// (the title's first language); the extension carries every text as a language map.
/// </summary>
public static class Obv3Renderer
{
    public static JsonObject Render(HeiRecord record, IssuerProfile issuer, Obv3RenderOptions options)
    {
        var cid = options.CredentialId;
        var lang = PrimaryLanguage(record);
        var vc = new JsonObject
        {
            ["@context"] = new JsonArray(V.VcV2Context, V.ObContext, V.AnnexIContext),
            ["id"] = cid,
            ["type"] = new JsonArray(V.VerifiableCredential, V.OpenBadgeCredential),
            ["name"] = Text(record.Title, lang),
            ["issuer"] = Issuer(record, issuer, lang),
            // Annex I 5: date of issuing, set by the service at signing time.
            ["validFrom"] = ElmRenderer.Timestamp(options.IssuedAt),
        };
        if (options.ExpiresAt is { } exp) vc["validUntil"] = ElmRenderer.Timestamp(exp);
        if (record.AwardedOn is { } on) vc["awardedDate"] = on + "T00:00:00Z";
        vc["credentialSubject"] = Subject(record, cid, lang);
        return vc;
    }

    /// <summary>Render takes a validated record; an unknown token is a caller bug, named here.</summary>
    private static E.Term Require(IReadOnlyList<E.Term> terms, string token, string field)
        => E.ByToken(terms, token) ?? throw new ArgumentException($"record.{field} '{token}' is not a known token: validate the record with HeiRecordValidator first");

    private static JsonObject Issuer(HeiRecord record, IssuerProfile issuer, string lang)
    {
        var profile = new JsonObject
        {
            ["id"] = issuer.Did,
            ["type"] = new JsonArray(V.Profile, V.AnnexIProfile),
            ["name"] = Text(issuer.LegalName, lang),
        };
        if (issuer.Homepage is { } home) profile["url"] = home;
        if (Address(issuer.Country) is { } address) profile["address"] = address;
        var ids = new JsonArray();
        if (issuer.LegalIdentifier is { } lid) ids.Add(IdentifierEntry(lid, V.IdentifierTypeLegal));
        if (issuer.DeqarId is { } deqar) ids.Add(IdentifierEntry(deqar, V.IdentifierTypeDeqar));
        if (ids.Count > 0) profile["otherIdentifier"] = ids;
        // Annex I 3: country(ies)/region(s) of the issuer, codes as given (OB's address holds one country).
        profile["issuerCountry"] = Strings(record.IssuerCountries);
        return profile;
    }

    /// <summary>OB Address: addressCountryCode is ISO 3166-1 alpha-2; regions only contribute their country.</summary>
    private static JsonObject? Address(string code)
    {
        var a3 = CodeLists.CountryAlpha3(code);
        if (a3 is null || CodeLists.Alpha2Of(a3) is not { } a2) return null;
        var address = new JsonObject { ["type"] = new JsonArray(V.Address) };
        if (CodeLists.CountryName(a3) is { } name) address["addressCountry"] = name;
        address["addressCountryCode"] = a2;
        return address;
    }

    private static JsonObject IdentifierEntry(string identifier, string type)
        => new() { ["type"] = V.IdentifierEntry, ["identifier"] = identifier, ["identifierType"] = type };

    private static JsonObject Subject(HeiRecord record, string cid, string lang)
    {
        var l = record.Learner;
        var subject = new JsonObject();
        // Annex I 1: the learner. Without a DID, the identity objects identify the learner (OB allows either).
        if (l.Did is { } did) subject["id"] = did;
        subject["type"] = new JsonArray(V.AchievementSubject, V.AnnexISubject);
        var identifiers = new JsonArray { Identity(V.IdentityTypeName, $"{l.GivenName} {l.FamilyName}") };
        if (l.Email is { } email) identifiers.Add(Identity(V.IdentityTypeEmail, email));
        if (l.NationalId is { } nid) identifiers.Add(Identity(V.IdentityTypeNationalId, nid.Value));
        subject["identifier"] = identifiers;
        subject["givenName"] = l.GivenName;
        subject["familyName"] = l.FamilyName;
        if (l.DateOfBirth is { } dob) subject["dateOfBirth"] = dob;
        if (l.NationalId is { } n) subject["nationalIdCountry"] = n.Country;
        if (record.Workload.Ects is { } ects) subject["creditsEarned"] = JsonValue.Create(JsonFieldReader.Normalize(ects));
        if (record.Grade is { } grade)
        {
            subject["result"] = new JsonArray(new JsonObject
            {
                ["type"] = new JsonArray(V.Result),
                ["resultDescription"] = cid + V.GradeFragment,
                ["value"] = Text(grade, lang),
            });
            subject["grade"] = LangMap(grade);
        }
        subject["achievement"] = Achievement(record, cid, lang);
        return subject;
    }

    private static JsonObject Identity(string identityType, string value) => new()
    {
        ["type"] = V.IdentityObject,
        ["identityHash"] = value,
        ["identityType"] = identityType,
        ["hashed"] = false,
    };

    private static JsonObject Achievement(HeiRecord record, string cid, string lang)
    {
        var a = new JsonObject
        {
            ["id"] = cid + V.AchievementFragment,
            ["type"] = new JsonArray(V.Achievement, V.AnnexIAchievement),
            ["achievementType"] = V.MicroCredential,
            // Annex I 2: title (OB name is one string; every language is in the extension's title).
            ["name"] = Text(record.Title, lang),
            ["description"] = Description(record),
            ["inLanguage"] = lang,
            // Annex I 6: learning outcomes, as the criteria a learner met.
            ["criteria"] = new JsonObject { ["narrative"] = Narrative(record, lang) },
        };
        // Annex I 7: ECTS are OB's credits; hours and other systems are in the extension.
        if (record.Workload.Ects is { } ects) a["creditsAvailable"] = JsonValue.Create(JsonFieldReader.Normalize(ects));
        if (Alignments(record, lang) is { Count: > 0 } alignments) a["alignment"] = alignments;
        if (record.Grade is not null)
            a["resultDescription"] = new JsonArray(new JsonObject
            {
                ["id"] = cid + V.GradeFragment,
                ["type"] = new JsonArray(V.ResultDescription),
                ["name"] = "Grade",
                ["resultType"] = V.ResultTypeResult,
            });

        // ---- extension (AnnexIAchievement) ----
        a["title"] = LangMap(record.Title);
        // Annex I 4: awarding body(ies); joint awards list several.
        a["awardingBody"] = new JsonArray(record.AwardingBodies.Select(b => (JsonNode)AwardingBody(b)).ToArray());
        a["learningOutcome"] = new JsonArray(record.LearningOutcomes.Select(o => (JsonNode)Outcome(o)).ToArray());
        if (Workload(record.Workload) is { } workload) a["workload"] = workload;
        // Annex I 8: EQF is an alignment; QF-EHEA cycle, NQF and "not applicable" are extension terms.
        var level = record.Level;
        if (level.QfEheaCycle is { } cycle) a["qfEheaCycle"] = Require(E.QfEheaCycles, cycle, "level.qfEheaCycle").Iri;
        if (level.Nqf is { } nqf) a["nqf"] = new JsonObject { ["framework"] = nqf.Framework, ["level"] = nqf.Level };
        if (level.NotApplicable == true) a["levelNotApplicable"] = true;
        // Annex I 9-11.
        a["assessmentType"] = Require(E.AssessmentTypes, record.Assessment.Type, "assessment.type").Iri;
        if (record.Assessment.Description is { } ad) a["assessmentDescription"] = LangMap(ad);
        a["participationMode"] = Require(E.ParticipationModes, record.Participation.Mode, "participation.mode").Iri;
        if (record.Participation.Description is { } pd) a["participationDescription"] = LangMap(pd);
        a["qualityAssurance"] = QualityAssurance(record.QualityAssurance);
        // Optional elements.
        if (record.Prerequisites is { } pre) a["prerequisites"] = LangMap(pre);
        if (record.Supervision is { } s) a["supervision"] = Require(E.Supervision, s, "supervision").Iri;
        if (record.Stackability is { } st)
        {
            var node = new JsonObject { ["stackabilityType"] = Require(E.StackabilityTypes, st.Type, "stackability.type").Iri };
            if (st.Towards is { } towards) node["towards"] = LangMap(towards);
            a["stackability"] = node;
        }
        if (record.FurtherInformation is { } fi) a["furtherInformation"] = LangMap(fi);
        return a;
    }

    private static JsonArray Alignments(HeiRecord record, string lang)
    {
        var list = new JsonArray();
        if (record.Level.Eqf is { } eqf)
            list.Add(new JsonObject
            {
                ["type"] = new JsonArray(V.Alignment),
                ["targetName"] = $"EQF level {eqf}",
                ["targetUrl"] = $"{E.EqfPrefix}{eqf}",
                ["targetCode"] = eqf.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["targetFramework"] = V.EqfFramework,
                ["targetType"] = V.TargetTypeEqfLevel,
            });
        foreach (var o in record.LearningOutcomes)
            if (o.EscoSkill is { } skill)
                list.Add(new JsonObject
                {
                    ["type"] = new JsonArray(V.Alignment),
                    ["targetName"] = Text(o.Text, lang),
                    ["targetUrl"] = skill,
                    ["targetFramework"] = V.EscoFramework,
                    ["targetType"] = V.TargetTypeCompetency,
                });
        return list;
    }

    /// <summary>OB requires a description; ours summarises the Annex I facts in English, deterministically.</summary>
    private static string Description(HeiRecord record)
    {
        var parts = new List<string>();
        var w = record.Workload;
        var workload = new List<string>();
        if (w.Ects is { } ects) workload.Add($"{JsonFieldReader.FormatDecimal(ects)} ECTS");
        if (w.Hours is { } hours) workload.Add($"{JsonFieldReader.FormatDecimal(hours)} hours");
        if (w.System is { } system && w.Value is { } value) workload.Add($"{JsonFieldReader.FormatDecimal(value)} {(system == "ecvet" ? "ECVET points" : system)}");
        if (workload.Count > 0) parts.Add("Workload: " + string.Join(", ", workload) + ".");
        var l = record.Level;
        var level = new List<string>();
        if (l.Eqf is { } eqf) level.Add($"EQF level {eqf}");
        if (l.QfEheaCycle is { } cycle) level.Add($"QF-EHEA {cycle} cycle");
        if (l.Nqf is { } nqf) level.Add($"NQF level {nqf.Level}");
        if (l.NotApplicable == true) level.Add("not applicable");
        if (level.Count > 0) parts.Add("Level: " + string.Join(", ", level) + ".");
        return "Micro-credential (Council Recommendation 2022/C 243/02, Annex I). " + string.Join(" ", parts);
    }

    /// <summary>The learning outcomes as a Markdown list (OB criteria narrative is Markdown).</summary>
    private static string Narrative(HeiRecord record, string lang)
    {
        var sb = new StringBuilder("Learning outcomes:\n");
        foreach (var o in record.LearningOutcomes) sb.Append("\n- ").Append(Text(o.Text, lang));
        return sb.ToString();
    }

    private static JsonObject AwardingBody(AwardingBody b)
    {
        var node = new JsonObject
        {
            ["legalName"] = LangMap(b.LegalName),
            ["legalIdentifier"] = b.LegalIdentifier,
            ["country"] = b.Country,
        };
        if (b.DeqarId is { } deqar) node["deqarId"] = deqar;
        return node;
    }

    private static JsonObject Outcome(LearningOutcome o)
    {
        var node = new JsonObject { ["text"] = LangMap(o.Text) };
        if (o.EscoSkill is { } skill) node["escoSkill"] = skill;
        return node;
    }

    private static JsonObject? Workload(Workload w)
    {
        var node = new JsonObject();
        if (w.Hours is { } hours) node["hours"] = JsonFieldReader.FormatDecimal(hours);
        if (w.System is { } system && w.Value is { } value)
        {
            node["creditSystem"] = system;
            node["creditValue"] = JsonFieldReader.FormatDecimal(value);
        }
        return node.Count == 0 ? null : node;
    }

    private static JsonObject QualityAssurance(QualityAssurance qa)
    {
        var node = new JsonObject
        {
            ["qualityAssuranceType"] = Require(E.QualityAssuranceTypes, qa.Type, "qualityAssurance.type").Iri,
            ["body"] = LangMap(qa.Body),
        };
        if (qa.DeqarId is { } deqar) node["deqarId"] = deqar;
        if (qa.Country is { } country) node["country"] = country;
        return node;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    private static JsonObject LangMap(IReadOnlyDictionary<string, string> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map) o[k] = v;
        return o;
    }

    /// <summary>The text in <paramref name="lang"/> if the map has it, else its first language.</summary>
    private static string Text(IReadOnlyDictionary<string, string> map, string lang)
        => map.TryGetValue(lang, out var text) ? text : map.Values.First();

    private static string PrimaryLanguage(HeiRecord record) => record.Title.Keys.FirstOrDefault() ?? "en";
}
