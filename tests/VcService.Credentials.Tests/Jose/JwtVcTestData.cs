using System.Text;
using System.Text.Json.Nodes;
using VcService.Crypto;

namespace VcService.Credentials.Tests.Jose;

internal static class JwtVcTestData
{
    internal const string Kid = "did:web:uni.example#key-1";

    internal static JsonObject Credential()
    {
        return JsonNode.Parse("""
        {
          "@context": ["https://www.w3.org/2018/credentials/v1"],
          "id": "urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5",
          "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
          "issuer": { "id": "did:web:uni.example", "legalName": "Example University" },
          "issuanceDate": "2024-03-01T10:00:00Z",
          "expirationDate": "2029-03-01T10:00:00Z",
          "credentialSubject": { "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "givenName": "Ana" }
        }
        """)!.AsObject();
    }

    internal static SigningKey Key(KeyType type)
    {
        return SigningKey.Generate(type);
    }

    internal static string Segment(JsonObject obj)
    {
        return Base64Url.Encode(Encoding.UTF8.GetBytes(obj.ToJsonString()));
    }

    internal static JsonObject Decode(string segment)
    {
        return JsonNode.Parse(Base64Url.Decode(segment))!.AsObject();
    }
}
