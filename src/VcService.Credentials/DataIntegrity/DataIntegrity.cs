using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.DataModel;
using VcService.Crypto;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// The algorithms of VC Data Integrity 1.0 §4 (https://www.w3.org/TR/vc-data-integrity/#algorithms):
/// Add Proof, Add Proof Set/Chain, Verify Proof, Verify Proof Sets and Chains.
/// </summary>
public static class DataIntegrity
{
    /// <summary>
    /// Add Proof (§4.2), or Add Proof Set/Chain (§4.3) when the document already has proofs: returns a
    /// copy of the document with the new proof appended. A VC 1.1 document (whose contexts do not
    /// define <c>DataIntegrityProof</c>) gets the Data Integrity context appended to its <c>@context</c>,
    /// as jsonld-signatures does, so the proof's terms are defined for RDF-based verifiers.
    /// Throws <see cref="DataIntegrityException"/> (PROOF_GENERATION_ERROR) naming the problem.
    /// </summary>
    public static JsonObject AddProof(JsonObject unsecuredOrSecured, ICryptosuite suite, SigningKey key, DataIntegrityProofOptions options)
    {
        ArgumentNullException.ThrowIfNull(unsecuredOrSecured);
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        var document = (JsonObject)unsecuredOrSecured.DeepClone();
        EnsureSuiteContext(document);

        // §4.3 step 1: allProofs = the existing proofs (a single proof is a set of one).
        var allProofs = new List<JsonNode?>();
        if (document[DataIntegrityProof.ProofProperty] is { } existing)
        {
            if (existing is JsonArray array)
            {
                allProofs.AddRange(array.Select(p => p?.DeepClone()));
            }
            else
            {
                allProofs.Add(existing.DeepClone());
            }
        }
        document.Remove(DataIntegrityProof.ProofProperty);

        // §4.3 step 3: with previousProof, the input document carries the matching proofs (a chain).
        var inputDocument = (JsonObject)document.DeepClone();
        if (options.PreviousProof is { Count: > 0 } previous)
        {
            var matching = new JsonArray();
            foreach (var id in previous)
            {
                var match = allProofs.FirstOrDefault(p => p is JsonObject o && CredentialDocument.GetString(o, DataIntegrityProof.Id) == id)
                    ?? throw new DataIntegrityException(DataIntegrityErrorCodes.ProofGenerationError,
                        $"previousProof '{id}' is not among the document's proofs");
                matching.Add(match.DeepClone());
            }
            inputDocument[DataIntegrityProof.ProofProperty] = matching;
        }

        // §4.2 step 1: proof = cryptosuite.createProof(inputDocument, options).
        var proof = suite.CreateProof(inputDocument, ToProofOptions(suite, options), key);

        // §4.2 step 2: the proof must have type, verificationMethod and proofPurpose.
        // §4.2 step 3: domain and challenge, when given, must be carried unchanged (they are, by construction).
        // §4.2 step 4 / §4.3 step 5: the secured document carries every proof.
        allProofs.Add(proof);
        document[DataIntegrityProof.ProofProperty] = allProofs.Count == 1 ? allProofs[0] : new JsonArray([.. allProofs]);
        return document;
    }

    /// <summary>
    /// Verify Proof (§4.4) over every proof of the document — Verify Proof Sets and Chains (§4.5): each
    /// proof is checked over the document without proofs, plus its <c>previousProof</c>s for a chain.
    /// The document is verified only when every proof is. Bad input gives a result naming the failing
    /// step; only cancellation throws.
    /// </summary>
    public static async Task<DataIntegrityVerificationResult> VerifyAsync(
        JsonObject secured,
        Func<string, CancellationToken, Task<KeyLookupResult>> resolveKey,
        DataIntegrityVerifyOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secured);
        ArgumentNullException.ThrowIfNull(resolveKey);
        ArgumentNullException.ThrowIfNull(options);

        // §4.5 step 1: allProofs = securedDocument.proof.
        var proofNode = secured[DataIntegrityProof.ProofProperty];
        if (proofNode is null)
        {
            return DataIntegrityVerificationResult.Failed("proof is missing");
        }
        var allProofs = proofNode is JsonArray array ? array.ToList() : [proofNode];
        if (allProofs.Count == 0)
        {
            return DataIntegrityVerificationResult.Failed("proof is an empty list");
        }
        if (allProofs.Count > options.MaxProofs)
        {
            return DataIntegrityVerificationResult.Failed($"the document has {allProofs.Count} proofs, more than the MaxProofs limit ({options.MaxProofs})");
        }

        var unsecured = (JsonObject)secured.DeepClone();
        unsecured.Remove(DataIntegrityProof.ProofProperty);

        var results = new List<ProofVerificationResult>(allProofs.Count);
        for (var i = 0; i < allProofs.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(await VerifyOneAsync(i, allProofs, unsecured, resolveKey, options, cancellationToken));
        }
        var failed = results.FirstOrDefault(r => !r.Verified);
        return new DataIntegrityVerificationResult
        {
            Verified = failed is null,
            Proofs = results,
            Error = failed is null ? null : (results.Count > 1 ? $"proof {failed.Index}{(failed.Id is null ? "" : $" ('{failed.Id}')")}: " : "") + failed.Error,
        };
    }

    private static async Task<ProofVerificationResult> VerifyOneAsync(
        int index,
        List<JsonNode?> allProofs,
        JsonObject unsecured,
        Func<string, CancellationToken, Task<KeyLookupResult>> resolveKey,
        DataIntegrityVerifyOptions options,
        CancellationToken cancellationToken)
    {
        if (allProofs[index] is not JsonObject proof)
        {
            return Failed(new ProofVerificationResult { Index = index, Verified = false }, DataIntegrityErrorCodes.MalformedProofError, "proof is not a JSON object");
        }
        var type = CredentialDocument.GetString(proof, DataIntegrityProof.TypeProperty);
        var suiteName = CredentialDocument.GetString(proof, DataIntegrityProof.Cryptosuite);
        var method = CredentialDocument.GetString(proof, DataIntegrityProof.VerificationMethod);
        var purpose = CredentialDocument.GetString(proof, DataIntegrityProof.ProofPurpose);
        var createdText = CredentialDocument.GetString(proof, DataIntegrityProof.Created);
        var result = new ProofVerificationResult
        {
            Index = index,
            Id = CredentialDocument.GetString(proof, DataIntegrityProof.Id),
            Cryptosuite = suiteName,
            VerificationMethod = method,
            ProofPurpose = purpose,
            Created = CredentialDocument.TryParseDateTime(createdText, out var created) ? created : null,
            Verified = false,
        };

        // §4.4 step 3: type, verificationMethod and proofPurpose must exist.
        if (type is null)
        {
            return Failed(result, DataIntegrityErrorCodes.MalformedProofError, "proof type is missing");
        }
        if (type != DataIntegrityProof.Type)
        {
            return Failed(result, DataIntegrityErrorCodes.MalformedProofError, $"proof type '{type}' is not supported (expected '{DataIntegrityProof.Type}')");
        }
        if (suiteName is null)
        {
            return Failed(result, DataIntegrityErrorCodes.MalformedProofError, "cryptosuite is missing");
        }
        if (method is null)
        {
            return Failed(result, DataIntegrityErrorCodes.MalformedProofError, "verificationMethod is missing");
        }
        if (purpose is null)
        {
            return Failed(result, DataIntegrityErrorCodes.MalformedProofError, "proofPurpose is missing");
        }
        if (!proof.ContainsKey(DataIntegrityProof.ProofValue))
        {
            return Failed(result, DataIntegrityErrorCodes.MalformedProofError, "proofValue is missing");
        }
        var suite = Cryptosuites.ByName(suiteName);
        if (suite is null)
        {
            return Failed(result, DataIntegrityErrorCodes.ProofVerificationError, $"unknown cryptosuite '{suiteName}'");
        }
        if (options.AcceptedCryptosuites is { } accepted && !accepted.Contains(suiteName))
        {
            return Failed(result, DataIntegrityErrorCodes.ProofVerificationError, $"cryptosuite '{suiteName}' is not accepted here");
        }
        // §4.4 step 4: the proof purpose must be the expected one.
        if (purpose != options.ExpectedProofPurpose)
        {
            return Failed(result, DataIntegrityErrorCodes.MismatchedProofPurposeError,
                $"proofPurpose '{purpose}' does not match expected '{options.ExpectedProofPurpose}'");
        }
        // §4.4 step 5: domain.
        if (options.Domain is not null && !CredentialDocument.GetStrings(proof, DataIntegrityProof.Domain).Contains(options.Domain))
        {
            return Failed(result, DataIntegrityErrorCodes.InvalidDomainError, $"domain does not match expected '{options.Domain}'");
        }
        // §4.4 step 6: challenge.
        if (options.Challenge is not null && CredentialDocument.GetString(proof, DataIntegrityProof.Challenge) != options.Challenge)
        {
            return Failed(result, DataIntegrityErrorCodes.InvalidChallengeError, "challenge does not match the expected challenge");
        }
        // §2.1: created and expires are dateTimes; a proof past its expires is no longer valid.
        if (proof.ContainsKey(DataIntegrityProof.Created) && result.Created is null)
        {
            return Failed(result, DataIntegrityErrorCodes.MalformedProofError, "created is not a valid XML Schema dateTime");
        }
        if (proof.ContainsKey(DataIntegrityProof.Expires))
        {
            if (!CredentialDocument.TryParseDateTime(CredentialDocument.GetString(proof, DataIntegrityProof.Expires), out var expires))
            {
                return Failed(result, DataIntegrityErrorCodes.MalformedProofError, "expires is not a valid XML Schema dateTime");
            }
            if (expires <= options.Now)
            {
                return Failed(result, DataIntegrityErrorCodes.ProofVerificationError, $"the proof expired at {CredentialDocument.FormatDateTime(expires)}");
            }
        }

        // §4.5 step 3: for a chain, the input document carries the proofs named by previousProof.
        var inputDocument = unsecured;
        if (proof.ContainsKey(DataIntegrityProof.PreviousProof))
        {
            var previous = CredentialDocument.GetStrings(proof, DataIntegrityProof.PreviousProof);
            if (previous.Count == 0)
            {
                return Failed(result, DataIntegrityErrorCodes.MalformedProofError, "previousProof must be a string or a list of strings");
            }
            var matching = new JsonArray();
            foreach (var id in previous)
            {
                var match = allProofs.FirstOrDefault(p => p is JsonObject o && !ReferenceEquals(o, proof) && CredentialDocument.GetString(o, DataIntegrityProof.Id) == id);
                if (match is null)
                {
                    return Failed(result, DataIntegrityErrorCodes.ProofVerificationError, $"previousProof '{id}' is not in the proof set");
                }
                matching.Add(match.DeepClone());
            }
            inputDocument = (JsonObject)unsecured.DeepClone();
            inputDocument[DataIntegrityProof.ProofProperty] = matching;
        }

        var lookup = await resolveKey(method, cancellationToken);
        if (lookup.Key is null)
        {
            return Failed(result, DataIntegrityErrorCodes.ProofVerificationError,
                $"verification method '{method}': {lookup.Error ?? "no key"}");
        }

        // §4.4 step 7: the cryptosuite's verify proof algorithm.
        try
        {
            suite.VerifyProof(inputDocument, proof, lookup.Key);
        }
        catch (DataIntegrityException e)
        {
            return Failed(result, e.Code, e.Message);
        }
        return result with { Verified = true };
    }

    private static ProofVerificationResult Failed(ProofVerificationResult result, string code, string error) =>
        result with { Verified = false, Error = error, ErrorCode = code };

    private static JsonObject ToProofOptions(ICryptosuite suite, DataIntegrityProofOptions options)
    {
        var proof = new JsonObject { [DataIntegrityProof.TypeProperty] = DataIntegrityProof.Type };
        if (options.Id is not null)
        {
            proof[DataIntegrityProof.Id] = options.Id;
        }
        proof[DataIntegrityProof.Cryptosuite] = suite.Name;
        proof[DataIntegrityProof.Created] = CredentialDocument.FormatDateTime(options.Created);
        if (options.Expires is { } expires)
        {
            proof[DataIntegrityProof.Expires] = CredentialDocument.FormatDateTime(expires);
        }
        proof[DataIntegrityProof.VerificationMethod] = options.VerificationMethod;
        proof[DataIntegrityProof.ProofPurpose] = options.ProofPurpose;
        if (options.Challenge is not null)
        {
            proof[DataIntegrityProof.Challenge] = options.Challenge;
        }
        if (options.Domain is not null)
        {
            proof[DataIntegrityProof.Domain] = options.Domain;
        }
        if (options.PreviousProof is { Count: > 0 } previous)
        {
            proof[DataIntegrityProof.PreviousProof] = previous.Count == 1 ? previous[0] : new JsonArray([.. previous.Select(p => (JsonNode?)p)]);
        }
        return proof;
    }

    /// <summary>
    /// Appends the Data Integrity context when neither it nor the VC 2.0 context (which defines the same
    /// terms) is in the document's <c>@context</c>.
    /// </summary>
    private static void EnsureSuiteContext(JsonObject document)
    {
        var context = document[DataIntegrityProof.ContextProperty];
        if (context is null)
        {
            return;
        }
        var values = context is JsonArray a ? a.ToList() : [context];
        foreach (var value in values)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String &&
                v.GetValue<string>() is VcContexts.V2 or DataIntegrityProof.ContextV2)
            {
                return;
            }
        }
        var updated = new JsonArray([.. values.Select(n => n?.DeepClone())]) { DataIntegrityProof.ContextV2 };
        document[DataIntegrityProof.ContextProperty] = updated;
    }
}
