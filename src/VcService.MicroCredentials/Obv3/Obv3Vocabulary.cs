namespace VcService.MicroCredentials;

/// <summary>
/// Every spec string of the <c>obv3</c> profile, once: the 1EdTech Open Badges 3.0 terms and enumeration
/// values we emit (https://www.imsglobal.org/spec/ob/v3p0/), and the terms of our Annex I extension context
/// (<see cref="AnnexIContext"/>). Controlled Annex I values (assessment type, participation mode, QA type,
/// supervision, QF-EHEA cycle, stackability) use the same IRIs as the <c>elm</c> profile
/// (<see cref="ElmVocabulary"/>), so both profiles carry the same concepts.
/// </summary>
public static class Obv3Vocabulary
{
    public const string VcV2Context = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary>
    /// Our extension context. Constant across deployments so verifiers can bundle it; served by the
    /// service at <c>GET /contexts/annex-i/v1</c>. Never changed once published: signatures over RDF
    /// depend on its term definitions (a new version gets a new URL).
    /// </summary>
    public const string AnnexIContext = "https://w3id.org/vcservice/annex-i/v1";
    public const string AnnexIVocabulary = "https://w3id.org/vcservice/annex-i#";

    // ---- Open Badges 3.0 types ----
    public const string VerifiableCredential = "VerifiableCredential";
    public const string OpenBadgeCredential = "OpenBadgeCredential";
    /// <summary>Alias of <see cref="OpenBadgeCredential"/> in the OB 3.0 context.</summary>
    public const string AchievementCredential = "AchievementCredential";
    public const string Achievement = "Achievement";
    public const string AchievementSubject = "AchievementSubject";
    public const string Profile = "Profile";
    public const string Address = "Address";
    public const string IdentifierEntry = "IdentifierEntry";
    public const string IdentityObject = "IdentityObject";
    public const string Alignment = "Alignment";
    public const string ResultDescription = "ResultDescription";
    public const string Result = "Result";

    /// <summary>AchievementType enumeration value for a micro-credential.</summary>
    public const string MicroCredential = "MicroCredential";

    // ---- our extension types: each adds a type-scoped context to the OB object it extends ----
    public const string AnnexIProfile = "AnnexIProfile";
    public const string AnnexISubject = "AnnexISubject";
    public const string AnnexIAchievement = "AnnexIAchievement";

    // ---- OB enumerations (IdentifierTypeEnum, AlignmentTargetType, ResultType; "ext:" = extended) ----
    public const string IdentityTypeName = "name";
    public const string IdentityTypeEmail = "emailAddress";
    public const string IdentityTypeNationalId = "nationalIdentityNumber";
    public const string IdentifierTypeLegal = "ext:LegalIdentifier";
    public const string IdentifierTypeDeqar = "ext:DEQARInstitutionId";
    public const string TargetTypeCompetency = "ceasn:Competency";
    /// <summary>Extended AlignmentTargetType for an EQF level (the value other OB 3.0 micro-credential issuers use).</summary>
    public const string TargetTypeEqfLevel = "ext:EQFLevel";
    public const string EqfFramework = "European Qualifications Framework";
    public const string EscoFramework = "ESCO (European Skills, Competences, Qualifications and Occupations)";
    public const string ResultTypeResult = "Result";
    public const string GradeFragment = "#grade";
    public const string AchievementFragment = "#achievement";
}
