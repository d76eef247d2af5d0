using System.Globalization;
using System.Text.Json.Nodes;
using E = VcService.MicroCredentials.ElmVocabulary;
using V = VcService.MicroCredentials.Obv3Vocabulary;
using static VcService.MicroCredentials.CredentialJson;

namespace VcService.MicroCredentials;

/// <summary>
/// Reads an Open Badges 3.0 micro-credential (as <see cref="Obv3Renderer"/> writes it) back into the Annex I
/// view (same field names as the HEI record). Natural OB fields are the source where they carry the value
/// exactly (learner DID, e-mail and national id number, ECTS, EQF, date of award, date of issuing); the
/// extension terms for the rest. Credentials come from outside: every access is type-checked, nothing throws.
/// Completeness is judged by running the HEI record validator over the view.
/// </summary>
public static class Obv3Reader
{
    /// <summary>Upper bound on items read from any one array (hostile input).</summary>
    public const int MaxItems = CredentialJson.MaxItems;

    /// <summary>An OpenBadgeCredential/AchievementCredential whose achievement has achievementType MicroCredential.</summary>
    public static bool IsMicroCredential(JsonObject credential)
    {
        var types = Strings(credential, "type");
        if (!types.Contains(V.OpenBadgeCredential) && !types.Contains(V.AchievementCredential)) return false;
        return Items(credential, "credentialSubject").Any(s => Str(First(s, "achievement"), "achievementType") == V.MicroCredential);
    }

    public static AnnexIViewResult Read(JsonObject credential)
    {
        try
        {
            return ReadCore(credential);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Hostile input boundary (e.g. duplicate member names in a lazily parsed JsonObject): a report, never an exception.
            return new AnnexIViewResult { View = new JsonObject(), Missing = [new("credential", "unreadable credential: " + e.Message)] };
        }
    }

    private static AnnexIViewResult ReadCore(JsonObject vc)
    {
        var view = new JsonObject();
        var subject = First(vc, "credentialSubject");
        var achievement = First(subject, "achievement");
        var issuer = First(vc, "issuer");

        if (Learner(subject) is { } learner) view["learner"] = learner;
        if (Title(achievement) is { } title) view["title"] = title;
        view["issuerCountries"] = new JsonArray(IssuerCountries(issuer).Select(c => (JsonNode)c).ToArray());
        view["awardingBodies"] = new JsonArray(Items(achievement, "awardingBody").Select(AwardingBody).Select(b => (JsonNode)b).ToArray());
        view["learningOutcomes"] = new JsonArray(Items(achievement, "learningOutcome").Select(Outcome).Select(o => (JsonNode)o).ToArray());
        if (Workload(achievement) is { } workload) view["workload"] = workload;
        if (Level(achievement) is { } level) view["level"] = level;
        if (Str(achievement, "assessmentType") is { } aType)
        {
            var a = new JsonObject { ["type"] = E.ByIri(E.AssessmentTypes, aType)?.Token ?? "other" };
            if (LangMap(achievement, "assessmentDescription") is { } d) a["description"] = d;
            view["assessment"] = a;
        }
        if (Str(achievement, "participationMode") is { } mode)
        {
            var p = new JsonObject { ["mode"] = E.ByIri(E.ParticipationModes, mode)?.Token ?? "other" };
            if (LangMap(achievement, "participationDescription") is { } d) p["description"] = d;
            view["participation"] = p;
        }
        if (QualityAssurance(First(achievement, "qualityAssurance")) is { } qa) view["qualityAssurance"] = qa;

        if (LangMap(achievement, "prerequisites") is { } pre) view["prerequisites"] = pre;
        if (E.ByIri(E.Supervision, Str(achievement, "supervision")) is { } sup) view["supervision"] = sup.Token;
        if (LangMap(subject, "grade") is { } grade) view["grade"] = grade;
        if (Stackability(First(achievement, "stackability")) is { } st) view["stackability"] = st;
        if (LangMap(achievement, "furtherInformation") is { } fi) view["furtherInformation"] = fi;
        if (Date(Str(vc, "awardedDate")) is { } on) view["awardedOn"] = on;

        var issuedAt = Instant(Str(vc, "validFrom"));

        // Completeness: the view must satisfy the Annex I rules (no issuer profile, dates as given).
        var missing = AnnexIErrors(view);
        if (issuedAt is null) missing.Add(new("issued", "date of issuing (Annex I 5, validFrom) is missing or not an ISO 8601 date-time"));
        return new AnnexIViewResult { View = view, Missing = missing, IssuedAt = issuedAt };
    }

    private static JsonObject? Learner(JsonObject? s)
    {
        if (s is null) return null;
        var l = new JsonObject();
        if (Str(s, "givenName") is { } g) l["givenName"] = g;
        if (Str(s, "familyName") is { } f) l["familyName"] = f;
        if (Date(Str(s, "dateOfBirth")) is { } dob) l["dateOfBirth"] = dob;
        if (Identity(s, V.IdentityTypeEmail) is { } email) l["email"] = email;
        if (Identity(s, V.IdentityTypeNationalId) is { } nid)
        {
            var n = new JsonObject { ["value"] = nid };
            if (Str(s, "nationalIdCountry") is { } country) n["country"] = country;
            l["nationalId"] = n;
        }
        if (Id(s) is { } id && id.StartsWith("did:", StringComparison.Ordinal)) l["did"] = id;
        return l;
    }

    /// <summary>A plaintext identity (hashed false) of the given OB identityType.</summary>
    private static string? Identity(JsonObject s, string identityType)
        => Items(s, "identifier")
            .Where(i => Str(i, "identityType") == identityType && !IsTrue(i, "hashed"))
            .Select(i => Str(i, "identityHash")).FirstOrDefault(v => v is not null);

    /// <summary>The extension's language map; else OB's single-string name in its inLanguage (or "und").</summary>
    private static JsonObject? Title(JsonObject? achievement)
    {
        if (LangMap(achievement, "title") is { } title) return title;
        if (Str(achievement, "name") is not { } name) return null;
        var lang = Str(achievement, "inLanguage") is { } l && SafeLanguage(l) ? l : "und";
        return new JsonObject { [lang] = name };
    }

    private static bool SafeLanguage(string tag) => tag.Length <= 35 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>The extension's issuerCountry codes; else the OB address's country code.</summary>
    private static IEnumerable<string> IssuerCountries(JsonObject? issuer)
    {
        var codes = Strings(issuer, "issuerCountry").Take(MaxItems).ToList();
        if (codes.Count > 0) return codes;
        return Str(First(issuer, "address"), "addressCountryCode") is { } a2 ? [a2] : [];
    }

    private static JsonObject AwardingBody(JsonObject org)
    {
        var b = new JsonObject();
        if (LangMap(org, "legalName") is { } name) b["legalName"] = name;
        if (Str(org, "legalIdentifier") is { } lid) b["legalIdentifier"] = lid;
        if (Str(org, "country") is { } c) b["country"] = c;
        if (Str(org, "deqarId") is { } deqar) b["deqarId"] = deqar;
        return b;
    }

    private static JsonObject Outcome(JsonObject o)
    {
        var r = new JsonObject();
        if (LangMap(o, "text") is { } text) r["text"] = text;
        if (Str(o, "escoSkill") is { } skill) r["escoSkill"] = skill;
        return r;
    }

    private static JsonObject? Workload(JsonObject? achievement)
    {
        var w = new JsonObject();
        if (Number(achievement, "creditsAvailable") is { } ects) w["ects"] = ects;
        var ext = First(achievement, "workload");
        if (DecimalText(Str(ext, "hours")) is { } hours) w["hours"] = hours;
        if (Str(ext, "creditSystem") is { } system) w["system"] = system;
        if (DecimalText(Str(ext, "creditValue")) is { } value) w["value"] = value;
        return w.Count == 0 ? null : w;
    }

    private static JsonObject? Level(JsonObject? achievement)
    {
        var l = new JsonObject();
        foreach (var alignment in Items(achievement, "alignment"))
            if (Str(alignment, "targetUrl") is { } url && url.StartsWith(E.EqfPrefix, StringComparison.Ordinal)
                && int.TryParse(url[E.EqfPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                l["eqf"] = n;
                break;
            }
        if (E.ByIri(E.QfEheaCycles, Str(achievement, "qfEheaCycle")) is { } cycle) l["qfEheaCycle"] = cycle.Token;
        if (First(achievement, "nqf") is { } nqf && Str(nqf, "framework") is { } fw && Str(nqf, "level") is { } lvl)
            l["nqf"] = new JsonObject { ["framework"] = fw, ["level"] = lvl };
        if (IsTrue(achievement, "levelNotApplicable")) l["notApplicable"] = true;
        return l.Count == 0 ? null : l;
    }

    private static JsonObject? QualityAssurance(JsonObject? node)
    {
        if (node is null) return null;
        var qa = new JsonObject();
        if (Str(node, "qualityAssuranceType") is { } type) qa["type"] = E.ByIri(E.QualityAssuranceTypes, type)?.Token ?? "other";
        if (LangMap(node, "body") is { } body) qa["body"] = body;
        if (Str(node, "deqarId") is { } deqar) qa["deqarId"] = deqar;
        if (Str(node, "country") is { } c) qa["country"] = c;
        return qa;
    }

    private static JsonObject? Stackability(JsonObject? node)
    {
        if (E.ByIri(E.StackabilityTypes, Str(node, "stackabilityType")) is not { } term) return null;
        var st = new JsonObject { ["type"] = term.Token };
        if (LangMap(node, "towards") is { } towards) st["towards"] = towards;
        return st;
    }
}
