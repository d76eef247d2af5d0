using System.Text.Json.Nodes;
using VcService.MicroCredentials;

namespace VcService.Api.Issuance;

/// <summary>The one place the issuer API turns a validated record into a profile's unsecured credential.</summary>
internal static class ProfileRenderers
{
    /// <summary>The unsecured credential of <paramref name="profile"/>, or null when this build cannot render it.</summary>
    public static JsonObject? Render(string profile, HeiRecord record, IssuerProfile issuer, string credentialId, DateTimeOffset issuedAt) => profile switch
    {
        CredentialProfiles.Elm => ElmRenderer.Render(record, issuer, new ElmRenderOptions(credentialId, issuedAt)),
        CredentialProfiles.Obv3 => Obv3Renderer.Render(record, issuer, new Obv3RenderOptions(credentialId, issuedAt)),
        _ => null,
    };
}
