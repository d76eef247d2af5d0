using VcService.Crypto;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// The proof options of the Add Proof algorithm (VC Data Integrity 1.0 §4.2). <see cref="Id"/> and
/// <see cref="PreviousProof"/> serve proof sets and chains (§4.3).
/// </summary>
public sealed record DataIntegrityProofOptions(
    string VerificationMethod,
    DateTimeOffset Created,
    string ProofPurpose = ProofPurposes.AssertionMethod,
    DateTimeOffset? Expires = null,
    string? Challenge = null,
    string? Domain = null,
    string? Id = null,
    IReadOnlyList<string>? PreviousProof = null);

/// <summary>Options of the Verify Proof algorithm (VC Data Integrity 1.0 §4.4).</summary>
public sealed record DataIntegrityVerifyOptions
{
    public string ExpectedProofPurpose { get; init; } = ProofPurposes.AssertionMethod;

    /// <summary>When set, every proof's <c>challenge</c> must equal it (§4.4 step 6).</summary>
    public string? Challenge { get; init; }

    /// <summary>When set, every proof's <c>domain</c> must equal (or, for a list, contain) it (§4.4 step 5).</summary>
    public string? Domain { get; init; }

    /// <summary>The verifier's clock, for <c>expires</c>.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Cryptosuite names the caller accepts; null accepts every suite in <see cref="Cryptosuites.All"/>.</summary>
    public IReadOnlyCollection<string>? AcceptedCryptosuites { get; init; }

    /// <summary>Explicit limit: more proofs than this in one document are refused (a proof set is verified proof by proof).</summary>
    public int MaxProofs { get; init; } = 16;
}

/// <summary>The public key of a verification method, or why there is none.</summary>
public sealed record KeyLookupResult(PublicKey? Key, string? Error)
{
    public static KeyLookupResult Found(PublicKey key) => new(key, null);
    public static KeyLookupResult NotFound(string error) => new(null, error);
}

/// <summary>The outcome of verifying one proof of a document.</summary>
public sealed record ProofVerificationResult
{
    /// <summary>Position of the proof in the document's proof set (0 for a single proof).</summary>
    public required int Index { get; init; }
    public string? Id { get; init; }
    public string? Cryptosuite { get; init; }
    public string? VerificationMethod { get; init; }
    public string? ProofPurpose { get; init; }
    public DateTimeOffset? Created { get; init; }
    public required bool Verified { get; init; }

    /// <summary>The failing step, in words a person can act on; null when verified.</summary>
    public string? Error { get; init; }

    /// <summary>A <see cref="DataIntegrityErrorCodes"/> constant; null when verified.</summary>
    public string? ErrorCode { get; init; }
}

/// <summary>The outcome of verifying a secured document: verified only when every proof verified.</summary>
public sealed record DataIntegrityVerificationResult
{
    public required bool Verified { get; init; }
    public required IReadOnlyList<ProofVerificationResult> Proofs { get; init; }

    /// <summary>The first failing step (prefixed with the proof it concerns when there are several); null when verified.</summary>
    public string? Error { get; init; }

    public static DataIntegrityVerificationResult Failed(string error) =>
        new() { Verified = false, Proofs = [], Error = error };
}
