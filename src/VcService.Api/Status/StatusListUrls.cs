using Microsoft.Extensions.Options;
using VcService.Api.Configuration;

namespace VcService.Api.Status;

/// <summary>Where this service serves status lists: <c>{PublicBaseUrl}/status/{issuerId}/{listId}</c>.</summary>
public sealed class StatusListUrls(IOptions<VcServiceOptions> options)
{
    /// <summary>Every status list URL of this service starts with this.</summary>
    public string Prefix { get; } = (options.Value.PublicBaseUrl ?? throw new InvalidOperationException("VcService:PublicBaseUrl is not set.")).TrimEnd('/') + "/status/";

    public string UrlOf(string tenantId, string listId) => $"{Prefix}{Uri.EscapeDataString(tenantId)}/{Uri.EscapeDataString(listId)}";

    /// <summary>The tenant and list of one of this service's status list URLs, or null for any other URL.</summary>
    public (string TenantId, string ListId)? Parse(Uri url)
    {
        var text = url.AbsoluteUri;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || url.Query.Length > 0 || url.Fragment.Length > 0)
            return null;
        var parts = text[Prefix.Length..].Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            return null;
        return (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]));
    }
}
