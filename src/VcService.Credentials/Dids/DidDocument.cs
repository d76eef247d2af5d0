using System.Text.Json.Nodes;
using VcService.Crypto;

namespace VcService.Credentials.Dids;

/// <summary>
/// A verification method of a DID document (DID Core §5.2) with its decoded public key.
/// <paramref name="Revoked"/> is the <c>revoked</c> property of Controlled Identifiers 1.0 §2.2.1:
/// signatures made at or after that instant are not accepted.
/// </summary>
public sealed record VerificationMethod(string Id, string Type, string Controller, PublicKey PublicKey, DateTimeOffset? Revoked = null);

/// <summary>
/// The parts of a DID document (DID Core) that verification needs: the verification methods and
/// which of them may assert credentials (<c>assertionMethod</c>).
/// </summary>
public sealed record DidDocument(string Id, IReadOnlyList<VerificationMethod> VerificationMethods, IReadOnlyList<string> AssertionMethod)
{
    public const string DidContext = "https://www.w3.org/ns/did/v1";
    public const string MultikeyContext = "https://w3id.org/security/multikey/v1";
    public const string JwkContext = "https://w3id.org/security/jwk/v1";

    /// <summary>Finds a verification method by absolute DID URL or by relative fragment (<c>#key-1</c>).</summary>
    public VerificationMethod? FindMethod(string idOrFragment)
    {
        var id = idOrFragment.StartsWith('#') ? Id + idOrFragment : idOrFragment;
        foreach (var method in VerificationMethods)
            if (string.Equals(method.Id, id, StringComparison.Ordinal))
                return method;
        return null;
    }

    public bool IsAssertionMethod(string methodId) => AssertionMethod.Contains(methodId, StringComparer.Ordinal);

    public JsonObject ToJson()
    {
        var methods = new JsonArray();
        foreach (var method in VerificationMethods)
        {
            var node = new JsonObject { ["id"] = method.Id, ["type"] = method.Type, ["controller"] = method.Controller };
            if (method.Type == VerificationMethodTypes.JsonWebKey)
                node["publicKeyJwk"] = method.PublicKey.ToJwk();
            else
                node["publicKeyMultibase"] = method.PublicKey.ToMultikey();
            if (method.Revoked is { } revoked)
                node["revoked"] = DataModel.CredentialDocument.FormatDateTime(revoked);
            methods.Add(node);
        }
        var assertion = new JsonArray();
        foreach (var id in AssertionMethod)
            assertion.Add(id);
        return new JsonObject
        {
            ["@context"] = new JsonArray(DidContext, MultikeyContext, JwkContext),
            ["id"] = Id,
            ["verificationMethod"] = methods,
            ["assertionMethod"] = assertion,
            ["authentication"] = assertion.DeepClone(),
        };
    }

    /// <summary>
    /// Reads a DID document from JSON (as resolved from elsewhere). Methods whose key cannot be
    /// decoded are left out; the document id must equal the DID that was resolved.
    /// </summary>
    public static DidDocument Parse(JsonObject json, string expectedDid)
    {
        var id = json["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? json["id"]!.GetValue<string>() : null;
        if (id != expectedDid)
            throw new FormatException($"DID document id '{id}' does not match the resolved DID '{expectedDid}'.");

        var methods = new List<VerificationMethod>();
        if (json["verificationMethod"] is JsonArray array)
            foreach (var item in array)
                if (item is JsonObject vm && TryParseMethod(vm, id) is { } method)
                    methods.Add(method);

        var assertion = new List<string>();
        if (json["assertionMethod"] is JsonArray refs)
            foreach (var item in refs)
            {
                if (item is JsonValue value && value.TryGetValue<string>(out var reference))
                    assertion.Add(reference.StartsWith('#') ? id + reference : reference);
                else if (item is JsonObject embedded && TryParseMethod(embedded, id) is { } method)
                {
                    methods.Add(method);
                    assertion.Add(method.Id);
                }
            }
        return new DidDocument(id, methods, assertion);
    }

    private static VerificationMethod? TryParseMethod(JsonObject vm, string did)
    {
        var methodId = vm["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? (s.StartsWith('#') ? did + s : s) : null;
        var type = vm["type"] is JsonValue t && t.TryGetValue<string>(out var ts) ? ts : null;
        var controller = vm["controller"] is JsonValue c && c.TryGetValue<string>(out var cs) ? cs : did;
        if (methodId is null || type is null)
            return null;
        try
        {
            PublicKey? key = null;
            if (vm["publicKeyMultibase"] is JsonValue mb && mb.TryGetValue<string>(out var multibase))
                key = PublicKey.FromMultikey(multibase);
            else if (vm["publicKeyJwk"] is JsonObject jwk)
                key = PublicKey.FromJwk(jwk);
            DateTimeOffset? revoked = null;
            if (vm["revoked"] is JsonValue r && r.TryGetValue<string>(out var revokedText))
                revoked = DateTimeOffset.TryParse(revokedText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : DateTimeOffset.MinValue; // unreadable: treat as revoked from the start
            return key is null ? null : new VerificationMethod(methodId, type, controller, key, revoked);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

public static class VerificationMethodTypes
{
    public const string Multikey = "Multikey";
    public const string JsonWebKey = "JsonWebKey";
}
