using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using E = VcService.MicroCredentials.ElmVocabulary;
using V = VcService.MicroCredentials.Obv3Vocabulary;

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
    public const int MaxItems = JsonFieldReader.MaxArrayItems;

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
        var missing = new List<ValidationError>(HeiRecordValidator.Validate(view.DeepClone(), ValidationProfile.Default, FarFuture.Instance).Errors);
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

    private static JsonValue? DecimalText(string? s)
        => s is not null && s.Length <= 64 && decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? JsonValue.Create(JsonFieldReader.Normalize(d)) : null;

    /// <summary>A JSON number as a canonical decimal (null for non-numbers and numbers out of decimal range).</summary>
    private static JsonValue? Number(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node) || node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return null;
        if (v.TryGetValue<decimal>(out var d)) return JsonValue.Create(JsonFieldReader.Normalize(d));
        if (v.TryGetValue<JsonElement>(out var el) && el.TryGetDecimal(out d)) return JsonValue.Create(JsonFieldReader.Normalize(d));
        return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? JsonValue.Create(JsonFieldReader.Normalize(d)) : null;
    }

    private static string? Date(string? s)
    {
        if (s is null) return null;
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return s;
        return Instant(s)?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset? Instant(string? s)
        => s is not null && s.Length <= 40 && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    // ---- defensive JSON access: JSON-LD allows a value or an array of values everywhere ----

    private static IEnumerable<JsonObject> Items(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node) || node is null) return [];
        if (node is JsonObject single) return [single];
        if (node is JsonArray a) return a.Take(MaxItems).OfType<JsonObject>().ToList();
        return [];
    }

    private static JsonObject? First(JsonObject? o, string name) => Items(o, name).FirstOrDefault();

    private static List<string> Strings(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node) || node is null) return [];
        IEnumerable<JsonNode?> values = node is JsonArray a ? a.Take(MaxItems) : [node];
        return values.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).Where(s => s.Length > 0).ToList();
    }

    private static string? Str(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node)) return null;
        if (node is JsonArray a) node = a.FirstOrDefault();
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;
    }

    private static bool IsTrue(JsonObject? o, string name)
        => o is not null && o.TryGetPropertyValue(name, out var node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static string? Id(JsonObject? o) => Str(o, "id");

    /// <summary>A copy of a language map's string entries (plain string -> {"en": …} is not guessed).</summary>
    private static JsonObject? LangMap(JsonObject? o, string name)
    {
        if (o is null || !o.TryGetPropertyValue(name, out var node) || node is not JsonObject map) return null;
        var copy = new JsonObject();
        foreach (var (k, v) in map.Take(JsonFieldReader.MaxLanguageEntries))
        {
            if (v is JsonValue s && s.GetValueKind() == JsonValueKind.String) copy[k] = s.GetValue<string>();
            else if (v is JsonArray arr && arr.FirstOrDefault() is JsonValue s2 && s2.GetValueKind() == JsonValueKind.String) copy[k] = s2.GetValue<string>();
        }
        return copy.Count == 0 ? null : copy;
    }

    /// <summary>Dates in a credential were checked at issuance; the reader does not re-judge "future".</summary>
    private sealed class FarFuture : TimeProvider
    {
        public static readonly FarFuture Instance = new();
        public override DateTimeOffset GetUtcNow() => new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
