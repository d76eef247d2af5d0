using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.DataModel;
using VcService.Crypto;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// The create-proof and verify-proof algorithms the EdDSA (https://www.w3.org/TR/vc-di-eddsa/) and
/// ECDSA (https://www.w3.org/TR/vc-di-ecdsa/) cryptosuite specs share, step for step; a suite supplies
/// its canonicalization (RDFC-1.0 or JCS), hash and signature.
/// </summary>
public abstract class CryptosuiteBase : ICryptosuite
{
    public abstract string Name { get; }

    public abstract KeyType KeyType { get; }

    /// <summary>The canonicalization the suite names (RDFC-1.0 in safe mode, or JCS).</summary>
    protected abstract string Canonicalize(JsonObject document);

    /// <summary>
    /// Create Proof (e.g. eddsa-rdfc-2022 §3.2.1).
    /// </summary>
    public virtual JsonObject CreateProof(JsonObject unsecuredDocument, JsonObject options, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Type != KeyType)
        {
            throw new DataIntegrityException(DataIntegrityErrorCodes.ProofGenerationError,
                $"cryptosuite '{Name}' signs with {KeyType} keys, not {key.Type}");
        }
        try
        {
            // 1) Let proof be a clone of the proof options, options.
            var proof = (JsonObject)options.DeepClone();
            PrepareProof(proof, unsecuredDocument);
            // 2) Let proofConfig be the result of running the Proof Configuration algorithm with proof.
            var proofConfig = BuildProofConfig(proof, unsecuredDocument);
            // 3) Let transformedData be the result of running the Transformation algorithm.
            CheckTypeAndSuite(options, "Transformation");
            // 4) Let hashData be the result of running the Hashing algorithm (steps 2-4 fused, see HashData).
            var hashData = HashData(unsecuredDocument, proofConfig);
            // 5) Let proofBytes be the result of running the Proof Serialization algorithm.
            var proofBytes = SerializeProof(hashData, key);
            // 6) Let proof.proofValue be a base58-btc-encoded Multibase value of the proofBytes.
            proof[DataIntegrityProof.ProofValue] = Multibase.EncodeBase58Btc(proofBytes);
            // 7) Return proof as the data integrity proof.
            return proof;
        }
        catch (DataIntegrityException e) when (e.Code != DataIntegrityErrorCodes.ProofGenerationError)
        {
            throw new DataIntegrityException(DataIntegrityErrorCodes.ProofGenerationError, e.Message, e);
        }
    }

    /// <summary>Suite-specific additions to a new proof before its configuration is hashed (JCS adds <c>@context</c>).</summary>
    protected virtual void PrepareProof(JsonObject proof, JsonObject unsecuredDocument)
    {
    }

    /// <summary>
    /// Verify Proof (e.g. eddsa-rdfc-2022 §3.2.2) for one proof over the document without that proof.
    /// </summary>
    public void VerifyProof(JsonObject unsecuredDocument, JsonObject proof, PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Type != KeyType)
        {
            throw Fail($"the verification method's key is {key.Type}; cryptosuite '{Name}' needs {KeyType}");
        }
        // 1) Let unsecuredDocument be a copy of securedDocument with the proof value removed (done by the caller).
        var document = (JsonObject)unsecuredDocument.DeepClone();
        // 2) Let proofOptions be the result of a copy of securedDocument.proof with proofValue removed.
        var proofOptions = (JsonObject)proof.DeepClone();
        var proofValue = proofOptions[DataIntegrityProof.ProofValue];
        proofOptions.Remove(DataIntegrityProof.ProofValue);
        // 3) Let proofBytes be the Multibase decoding of the proofValue.
        if (proofValue is null)
        {
            throw new DataIntegrityException(DataIntegrityErrorCodes.MalformedProofError, "proofValue is missing");
        }
        if (proofValue is not JsonValue pv || pv.GetValueKind() != JsonValueKind.String)
        {
            throw new DataIntegrityException(DataIntegrityErrorCodes.MalformedProofError, "proofValue is not a string");
        }
        byte[] proofBytes;
        try
        {
            proofBytes = Multibase.DecodeBase58Btc(pv.GetValue<string>());
        }
        catch (FormatException e)
        {
            throw new DataIntegrityException(DataIntegrityErrorCodes.MalformedProofError,
                $"proofValue is not a base58btc multibase value ({e.Message})");
        }
        // 4) If proofOptions.@context exists: the document's @context must start with it; then use it.
        if (proofOptions[DataIntegrityProof.ContextProperty] is { } proofContext)
        {
            if (!StartsWith(document[DataIntegrityProof.ContextProperty], proofContext))
            {
                throw Fail("the proof's @context is not a prefix of the document's @context");
            }
            document[DataIntegrityProof.ContextProperty] = proofContext.DeepClone();
        }
        // 5) Let transformedData be the result of running the Transformation algorithm.
        CheckTypeAndSuite(proofOptions, "Transformation");
        // 6) Let proofConfig be the result of running the Proof Configuration algorithm.
        var proofConfig = BuildProofConfig(proofOptions, document);
        // 7) Let hashData be the result of running the Hashing algorithm (steps 5-7 fused, see HashData).
        var hashData = HashData(document, proofConfig);
        // 8) Let verified be the result of running the Proof Verification algorithm.
        if (!VerifySignature(hashData, proofBytes, key))
        {
            throw Fail("signature does not match");
        }
    }

    /// <summary>Transformation (e.g. eddsa-rdfc-2022 §3.2.3).</summary>
    public string Transform(JsonObject unsecuredDocument, JsonObject options)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentNullException.ThrowIfNull(options);
        // 1) If options.type is not DataIntegrityProof or options.cryptosuite is not this suite, raise an error.
        CheckTypeAndSuite(options, "Transformation");
        // 2) Let canonicalDocument be the canonical form of unsecuredDocument.
        // 3) Return canonicalDocument as the transformed data document.
        return Canonicalize(unsecuredDocument);
    }

    /// <summary>Proof Configuration (e.g. eddsa-rdfc-2022 §3.2.5).</summary>
    public string ConfigureProof(JsonObject options, JsonObject unsecuredDocument)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        // 5) Let canonicalProofConfig be the canonical form of proofConfig. 6) Return it.
        return Canonicalize(BuildProofConfig(options, unsecuredDocument));
    }

    /// <summary>
    /// Hashing over the documents rather than their canonical strings: SHA-256(canonical proof config) ‖
    /// SHA-256(canonical document), the same bytes as <see cref="Hash"/> of <see cref="ConfigureProof"/> and
    /// <see cref="Transform"/>, but a suite may hash its canonical form without building it as a string
    /// (<see cref="HashCanonical"/>): the N-Quads of a large credential are a large-object-heap string, and
    /// its UTF-8 copy another.
    /// </summary>
    protected byte[] HashData(JsonObject unsecuredDocument, JsonObject proofConfig)
    {
        var hashData = new byte[2 * SHA256.HashSizeInBytes];
        HashCanonical(proofConfig, hashData.AsSpan(0, SHA256.HashSizeInBytes));
        HashCanonical(unsecuredDocument, hashData.AsSpan(SHA256.HashSizeInBytes));
        return hashData;
    }

    /// <summary>SHA-256 of the canonical form of <paramref name="document"/> into <paramref name="destination"/> (32 bytes).</summary>
    protected virtual void HashCanonical(JsonObject document, Span<byte> destination)
    {
        SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(document)), destination);
    }

    /// <summary>Proof Configuration steps 1-4: the proof options checked, with the document's <c>@context</c>.</summary>
    private JsonObject BuildProofConfig(JsonObject options, JsonObject unsecuredDocument)
    {
        // 1) Let proofConfig be a clone of the options object.
        var proofConfig = (JsonObject)options.DeepClone();
        // 2) If proofConfig.type is not DataIntegrityProof or proofConfig.cryptosuite is not this suite, raise an error.
        CheckTypeAndSuite(proofConfig, "Proof Configuration");
        // 3) If proofConfig.created is set and not a valid XMLSCHEMA11-2 datetime, raise an error.
        if (proofConfig[DataIntegrityProof.Created] is { } created &&
            !(created is JsonValue cv && cv.GetValueKind() == JsonValueKind.String && CredentialDocument.TryParseDateTime(cv.GetValue<string>(), out _)))
        {
            throw Fail("created is not a valid XML Schema dateTime");
        }
        // 4) Set proofConfig.@context to unsecuredDocument.@context.
        proofConfig.Remove(DataIntegrityProof.ContextProperty);
        if (unsecuredDocument[DataIntegrityProof.ContextProperty] is { } context)
        {
            proofConfig[DataIntegrityProof.ContextProperty] = context.DeepClone();
        }
        return proofConfig;
    }

    /// <summary>Hashing (e.g. eddsa-rdfc-2022 §3.2.4): SHA-256(proof config) ‖ SHA-256(document).</summary>
    public virtual byte[] Hash(string transformedDocument, string canonicalProofConfig)
    {
        ArgumentNullException.ThrowIfNull(transformedDocument);
        ArgumentNullException.ThrowIfNull(canonicalProofConfig);
        // 1) proofConfigHash = SHA-256(canonicalProofConfig). 2) transformedDocumentHash = SHA-256(transformedDocument).
        // 3) hashData = proofConfigHash ‖ transformedDocumentHash.
        var hashData = new byte[2 * SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonicalProofConfig), hashData.AsSpan(0, SHA256.HashSizeInBytes));
        SHA256.HashData(Encoding.UTF8.GetBytes(transformedDocument), hashData.AsSpan(SHA256.HashSizeInBytes));
        return hashData;
    }

    /// <summary>Proof Serialization (e.g. eddsa-rdfc-2022 §3.2.6): sign hashData with the private key.</summary>
    public byte[] SerializeProof(byte[] hashData, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(hashData);
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(hashData);
    }

    /// <summary>Proof Verification (e.g. eddsa-rdfc-2022 §3.2.7): verify proofBytes over hashData.</summary>
    public bool VerifySignature(byte[] hashData, byte[] proofBytes, PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(hashData);
        ArgumentNullException.ThrowIfNull(proofBytes);
        ArgumentNullException.ThrowIfNull(key);
        return key.Type == KeyType && key.Verify(hashData, proofBytes);
    }

    private void CheckTypeAndSuite(JsonObject options, string step)
    {
        var type = options[DataIntegrityProof.TypeProperty] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        var suite = options[DataIntegrityProof.Cryptosuite] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;
        if (type != DataIntegrityProof.Type || suite != Name)
        {
            throw Fail($"{step}: proof type must be '{DataIntegrityProof.Type}' with cryptosuite '{Name}' (got '{type}', '{suite}')");
        }
    }

    /// <summary>Whether <paramref name="documentContext"/> starts with every value of <paramref name="proofContext"/>, in order.</summary>
    private static bool StartsWith(JsonNode? documentContext, JsonNode proofContext)
    {
        var doc = documentContext is JsonArray da ? da.ToList() : [documentContext];
        var prefix = proofContext is JsonArray pa ? pa.ToList() : [proofContext];
        if (prefix.Count > doc.Count)
        {
            return false;
        }
        for (var i = 0; i < prefix.Count; i++)
        {
            if (!JsonNode.DeepEquals(doc[i], prefix[i]))
            {
                return false;
            }
        }
        return true;
    }

    protected static DataIntegrityException Fail(string message) =>
        new(DataIntegrityErrorCodes.ProofVerificationError, message);
}
