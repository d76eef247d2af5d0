using System.Text.RegularExpressions;

namespace VcService.Credentials.Dids;

/// <summary>DID syntax (DID Core §3.1) and DID URL splitting.</summary>
public static partial class DidUrl
{
    // did = "did:" method-name ":" method-specific-id
    [GeneratedRegex(@"^did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$", RegexOptions.CultureInvariant)]
    private static partial Regex DidPattern();

    public const int MaxLength = 2048;

    public static bool IsDid(string value) => value.Length <= MaxLength && DidPattern().IsMatch(value);

    /// <summary>Splits a DID URL into the DID and the fragment (without '#'), e.g. <c>did:web:x#key-1</c>.</summary>
    public static (string Did, string? Fragment) Split(string didUrl)
    {
        var hash = didUrl.IndexOf('#');
        return hash < 0 ? (didUrl, null) : (didUrl[..hash], didUrl[(hash + 1)..]);
    }
}
