using System.Text.Json.Nodes;
using VcService.Credentials.Dids;

namespace VcService.Credentials.Verification;

/// <summary>Securing mechanisms a credential can arrive in.</summary>
public static class CredentialFormats
{
    /// <summary>VC Data Model 1.1 JWT-VC (<c>vc</c> claim).</summary>
    public const string Jwt = "jwt";
    /// <summary>VC-JOSE-COSE <c>application/vc+jwt</c> (VC 2.0; the payload is the credential).</summary>
    public const string VcJwt = "vc+jwt";
    /// <summary>A JSON-LD credential with an embedded Data Integrity proof.</summary>
    public const string DataIntegrity = "data-integrity";
}

/// <summary>What the checks learn about one credential as the pipeline runs.</summary>
public sealed class VerificationContext(JsonNode input, DateTimeOffset now)
{
    /// <summary>The credential as submitted: a JSON string (compact JWS) or a JSON object.</summary>
    public JsonNode Input { get; } = input;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The securing mechanism, once the format check has recognised it.</summary>
    public string? Format { get; set; }

    /// <summary>The compact JWS when the credential came as a JWT.</summary>
    public string? CompactJws { get; set; }

    /// <summary>The credential (unsecured document, or the document with its proof).</summary>
    public JsonObject? Credential { get; set; }

    public string? IssuerDid { get; set; }

    /// <summary>The verification method that signed, once the signature check found it.</summary>
    public VerificationMethod? SigningMethod { get; set; }

    /// <summary>When the signature was made, as far as the credential says (iat / proof created / issuance date).</summary>
    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>The Annex I view of the credential, once the Annex I check has read it.</summary>
    public JsonObject? AnnexI { get; set; }

    /// <summary>The credential profile recognised by a profile reader (<c>elm</c>, <c>obv3</c>).</summary>
    public string? Profile { get; set; }

    /// <summary>The issuer section (who the issuer is, whether the trust registry recognises it), once the issuer check ran.</summary>
    public IssuerReport? Issuer { get; set; }

    /// <summary>Whether the checks that establish authenticity have failed (later checks then skip).</summary>
    public bool FormatFailed { get; set; }
}
