using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace VcService.MicroCredentials;

// The Annex I model (Council Recommendation 2022/C 243/02, Annex I) as the HEI record input contract.
// Free-text fields are language maps (BCP 47 tag -> non-empty text), as in ELM: title, legalName,
// learning outcome text, prerequisites, grade, furtherInformation, assessment/participation
// description, qualityAssurance.body and stackability.towards.

/// <summary>One HEI record: everything Annex I asks for except the date of issuing (set by the service).</summary>
public sealed record HeiRecord
{
    /// <summary>Options whose output equals <see cref="ToJson"/>: camelCase, nulls omitted.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public required Learner Learner { get; init; }                               // Annex I 1
    public required IReadOnlyDictionary<string, string> Title { get; init; }     // Annex I 2
    public required IReadOnlyList<string> IssuerCountries { get; init; }         // Annex I 3
    public required IReadOnlyList<AwardingBody> AwardingBodies { get; init; }    // Annex I 4
    public required IReadOnlyList<LearningOutcome> LearningOutcomes { get; init; } // Annex I 6
    public required Workload Workload { get; init; }                             // Annex I 7
    public required Level Level { get; init; }                                   // Annex I 8
    public required Assessment Assessment { get; init; }                         // Annex I 9
    public required Participation Participation { get; init; }                   // Annex I 10
    public required QualityAssurance QualityAssurance { get; init; }             // Annex I 11
    public IReadOnlyDictionary<string, string>? Prerequisites { get; init; }
    /// <summary>One of <see cref="AnnexITokens.Supervision"/>.</summary>
    public string? Supervision { get; init; }
    public IReadOnlyDictionary<string, string>? Grade { get; init; }
    public Stackability? Stackability { get; init; }
    public IReadOnlyDictionary<string, string>? FurtherInformation { get; init; }
    /// <summary>ISO 8601 date (YYYY-MM-DD) on which the awarding body awarded the credential.</summary>
    public string? AwardedOn { get; init; }

    /// <summary>The canonical JSON of the record: same field names, nulls omitted.</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, JsonOptions)!.AsObject();
}

public sealed record Learner
{
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    /// <summary>ISO 8601 date YYYY-MM-DD.</summary>
    public string? DateOfBirth { get; init; }
    public string? Email { get; init; }
    public NationalId? NationalId { get; init; }
    /// <summary>The holder's DID (becomes credentialSubject.id).</summary>
    public string? Did { get; init; }
}

public sealed record NationalId(string Value, string Country);

public sealed record AwardingBody
{
    public required IReadOnlyDictionary<string, string> LegalName { get; init; }
    public required string LegalIdentifier { get; init; }
    /// <summary>ISO 3166-1 alpha-2/alpha-3, ISO 3166-2 or NUTS code.</summary>
    public required string Country { get; init; }
    public string? DeqarId { get; init; }
}

public sealed record LearningOutcome
{
    public required IReadOnlyDictionary<string, string> Text { get; init; }
    /// <summary>Absolute http(s) IRI, ideally under http://data.europa.eu/esco/skill/.</summary>
    public string? EscoSkill { get; init; }
}

/// <summary>Notional workload: ECTS and/or hours and/or another credit system (system + value).</summary>
public sealed record Workload
{
    public decimal? Ects { get; init; }
    public decimal? Hours { get; init; }
    /// <summary>"ecvet", another lower-case token, or an absolute IRI of the credit system.</summary>
    public string? System { get; init; }
    public decimal? Value { get; init; }
}

public sealed record Level
{
    public int? Eqf { get; init; }
    /// <summary>One of <see cref="AnnexITokens.QfEheaCycle"/>.</summary>
    public string? QfEheaCycle { get; init; }
    public Nqf? Nqf { get; init; }
    public bool? NotApplicable { get; init; }
}

/// <summary>A national qualifications framework level: framework IRI (e.g. QDR) or name, and level.</summary>
public sealed record Nqf(string Framework, string Level);

public sealed record Assessment
{
    /// <summary>One of <see cref="AnnexITokens.AssessmentType"/>.</summary>
    public required string Type { get; init; }
    public IReadOnlyDictionary<string, string>? Description { get; init; }
}

public sealed record Participation
{
    /// <summary>One of <see cref="AnnexITokens.ParticipationMode"/>.</summary>
    public required string Mode { get; init; }
    public IReadOnlyDictionary<string, string>? Description { get; init; }
}

public sealed record QualityAssurance
{
    /// <summary>One of <see cref="AnnexITokens.QualityAssuranceType"/>.</summary>
    public required string Type { get; init; }
    /// <summary>Name of the QA body (agency, or the institution itself for internal QA).</summary>
    public required IReadOnlyDictionary<string, string> Body { get; init; }
    public string? DeqarId { get; init; }
    /// <summary>Optional country code of the QA body (extension).</summary>
    public string? Country { get; init; }
}

public sealed record Stackability
{
    /// <summary>One of <see cref="AnnexITokens.StackabilityType"/>.</summary>
    public required string Type { get; init; }
    /// <summary>Title of the credential this one stacks/integrates towards.</summary>
    public IReadOnlyDictionary<string, string>? Towards { get; init; }
}

/// <summary>Controlled tokens of the HEI record.</summary>
public static class AnnexITokens
{
    public static readonly IReadOnlyList<string> Supervision =
        ["unsupervised-no-id-verification", "supervised-no-id-verification", "supervised-online-id-verification", "onsite-id-verification"];
    public static readonly IReadOnlyList<string> ParticipationMode = ["online", "onsite", "blended", "other"];
    public static readonly IReadOnlyList<string> QualityAssuranceType = ["internal", "external-institutional", "external-programme", "other"];
    public static readonly IReadOnlyList<string> AssessmentType =
        ["written-exam", "oral-exam", "practical", "project", "portfolio", "peer-assessment", "other"];
    public static readonly IReadOnlyList<string> StackabilityType = ["stand-alone", "stackable", "integrated"];
    public static readonly IReadOnlyList<string> QfEheaCycle = ["short", "first", "second", "third"];
}
