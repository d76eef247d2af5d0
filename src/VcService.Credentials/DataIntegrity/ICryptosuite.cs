using System.Text.Json.Nodes;
using VcService.Crypto;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// A Data Integrity cryptosuite (VC Data Integrity 1.0 §3, https://www.w3.org/TR/vc-data-integrity/#cryptographic-suites):
/// the create-proof and verify-proof algorithms, assembled from the suite's transformation, hashing,
/// proof configuration and proof serialization steps, which are exposed for known-answer tests.
/// Steps throw <see cref="DataIntegrityException"/> naming the failing step.
/// </summary>
public interface ICryptosuite
{
    /// <summary>The <c>cryptosuite</c> string, e.g. <c>eddsa-rdfc-2022</c>.</summary>
    string Name { get; }

    /// <summary>The key type the suite signs with.</summary>
    KeyType KeyType { get; }

    /// <summary>Transformation: the canonical form of the unsecured document (N-Quads or JCS JSON).</summary>
    string Transform(JsonObject unsecuredDocument, JsonObject options);

    /// <summary>Proof Configuration: the canonical form of the proof options with the document's <c>@context</c>.</summary>
    string ConfigureProof(JsonObject options, JsonObject unsecuredDocument);

    /// <summary>Hashing: <c>hash(canonicalProofConfig) ‖ hash(transformedDocument)</c>.</summary>
    byte[] Hash(string transformedDocument, string canonicalProofConfig);

    /// <summary>Proof Serialization: the signature bytes over the hash data.</summary>
    byte[] SerializeProof(byte[] hashData, SigningKey key);

    /// <summary>Proof Verification: whether the signature bytes verify over the hash data.</summary>
    bool VerifySignature(byte[] hashData, byte[] proofBytes, PublicKey key);

    /// <summary>Create Proof: the proof (options plus <c>proofValue</c>) over the unsecured document.</summary>
    JsonObject CreateProof(JsonObject unsecuredDocument, JsonObject options, SigningKey key);

    /// <summary>
    /// Verify Proof: checks <paramref name="proof"/> over <paramref name="unsecuredDocument"/> (the
    /// document without the proof being verified; for a proof chain it carries the previous proofs).
    /// Throws <see cref="DataIntegrityException"/> naming the failing step, including "signature does not match".
    /// </summary>
    void VerifyProof(JsonObject unsecuredDocument, JsonObject proof, PublicKey key);
}
