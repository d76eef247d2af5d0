namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// Spec strings of the <c>DataIntegrityProof</c> type (VC Data Integrity 1.0 §2.1,
/// https://www.w3.org/TR/vc-data-integrity/#proofs): the type name, property names and context.
/// </summary>
public static class DataIntegrityProof
{
    public const string Type = "DataIntegrityProof";

    /// <summary>The Data Integrity context; VC 2.0's context already defines the same terms.</summary>
    public const string ContextV2 = "https://w3id.org/security/data-integrity/v2";

    public const string ProofProperty = "proof";
    public const string ContextProperty = "@context";

    public const string Id = "id";
    public const string TypeProperty = "type";
    public const string Cryptosuite = "cryptosuite";
    public const string VerificationMethod = "verificationMethod";
    public const string ProofPurpose = "proofPurpose";
    public const string Created = "created";
    public const string Expires = "expires";
    public const string Challenge = "challenge";
    public const string Domain = "domain";
    public const string Nonce = "nonce";
    public const string PreviousProof = "previousProof";
    public const string ProofValue = "proofValue";
}

/// <summary>Proof purposes (VC Data Integrity 1.0 §2.1 / Controlled Identifiers §2.3 verification relationships).</summary>
public static class ProofPurposes
{
    public const string AssertionMethod = "assertionMethod";
    public const string Authentication = "authentication";
}

/// <summary>Error codes of VC Data Integrity 1.0 §3.1 (https://www.w3.org/TR/vc-data-integrity/#processing-errors).</summary>
public static class DataIntegrityErrorCodes
{
    public const string ProofGenerationError = "PROOF_GENERATION_ERROR";
    public const string MalformedProofError = "MALFORMED_PROOF_ERROR";
    public const string MismatchedProofPurposeError = "MISMATCHED_PROOF_PURPOSE_ERROR";
    public const string InvalidDomainError = "INVALID_DOMAIN_ERROR";
    public const string InvalidChallengeError = "INVALID_CHALLENGE_ERROR";
    public const string ProofVerificationError = "PROOF_VERIFICATION_ERROR";
}
