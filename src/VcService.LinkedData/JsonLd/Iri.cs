using System.Buffers;
using System.Text;

namespace VcService.LinkedData.JsonLd;

/// <summary>IRI helpers: absolute-IRI test and RFC 3986 §5.2 reference resolution (the basic algorithm only).</summary>
internal static class Iri
{
    /// <summary>True if <paramref name="s"/> starts with a scheme (RFC 3986 §3.1) followed by ':'.</summary>
    public static bool IsAbsolute(string s)
    {
        if (s.Length == 0 || !IsAlpha(s[0]))
        {
            return false;
        }
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ':')
            {
                return true;
            }
            if (!(IsAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
            {
                return false;
            }
        }
        return false;
    }

    public static bool IsBlankNode(string s) => s.StartsWith("_:", StringComparison.Ordinal);

    /// <summary>Characters an IRI cannot contain (controls, space, and <c>&lt;&gt;"{}|\^`</c>).</summary>
    private static readonly SearchValues<char> NotInIri = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F <>\"{}|\\^`");

    /// <summary>Well-formed enough for RDF: absolute, at most one '#', and free of characters IRIs cannot contain.</summary>
    public static bool IsWellFormedAbsolute(string s) =>
        IsAbsolute(s) && !s.AsSpan().ContainsAny(NotInIri) && s.AsSpan().Count('#') <= 1;

    private static bool IsAlpha(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    /// <summary>RFC 3986 §5.2.2 Transform References; <paramref name="baseIri"/> null returns the reference.</summary>
    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null || IsAbsolute(reference))
        {
            return IsAbsolute(reference) ? ResolveAbsolute(reference) : reference;
        }
        Split(baseIri, out var bScheme, out var bAuthority, out var bPath, out var bQuery, out _);
        Split(reference, out _, out var rAuthority, out var rPath, out var rQuery, out var rFragment);
        string? authority;
        string path;
        string? query;
        if (rAuthority is not null)
        {
            authority = rAuthority;
            path = RemoveDotSegments(rPath);
            query = rQuery;
        }
        else
        {
            authority = bAuthority;
            if (rPath.Length == 0)
            {
                path = bPath;
                query = rQuery ?? bQuery;
            }
            else
            {
                path = rPath[0] == '/' ? RemoveDotSegments(rPath) : RemoveDotSegments(Merge(bAuthority, bPath, rPath));
                query = rQuery;
            }
        }
        return Recompose(bScheme, authority, path, query, rFragment);
    }

    private static string ResolveAbsolute(string reference)
    {
        Split(reference, out var scheme, out var authority, out var path, out var query, out var fragment);
        var cleaned = RemoveDotSegments(path);
        return ReferenceEquals(cleaned, path) || cleaned == path ? reference : Recompose(scheme, authority, cleaned, query, fragment);
    }

    private static string Merge(string? baseAuthority, string basePath, string refPath)
    {
        if (baseAuthority is not null && basePath.Length == 0)
        {
            return "/" + refPath;
        }
        var slash = basePath.LastIndexOf('/');
        return slash < 0 ? refPath : string.Concat(basePath.AsSpan(0, slash + 1), refPath);
    }

    private static string Recompose(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var sb = new StringBuilder();
        if (scheme is not null)
        {
            sb.Append(scheme).Append(':');
        }
        if (authority is not null)
        {
            sb.Append("//").Append(authority);
        }
        sb.Append(path);
        if (query is not null)
        {
            sb.Append('?').Append(query);
        }
        if (fragment is not null)
        {
            sb.Append('#').Append(fragment);
        }
        return sb.ToString();
    }

    /// <summary>RFC 3986 Appendix B split.</summary>
    private static void Split(string s, out string? scheme, out string? authority, out string path, out string? query, out string? fragment)
    {
        scheme = null;
        authority = null;
        query = null;
        fragment = null;
        var rest = s;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest.Substring(hash + 1);
            rest = rest.Substring(0, hash);
        }
        var q = rest.IndexOf('?');
        if (q >= 0)
        {
            query = rest.Substring(q + 1);
            rest = rest.Substring(0, q);
        }
        if (IsAbsolute(rest))
        {
            var colon = rest.IndexOf(':');
            scheme = rest.Substring(0, colon);
            rest = rest.Substring(colon + 1);
        }
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOf('/', 2);
            if (end < 0)
            {
                authority = rest.Substring(2);
                rest = "";
            }
            else
            {
                authority = rest.Substring(2, end - 2);
                rest = rest.Substring(end);
            }
        }
        path = rest;
    }

    /// <summary>RFC 3986 §5.2.4.</summary>
    private static string RemoveDotSegments(string input)
    {
        if (input.IndexOf('.') < 0)
        {
            return input;
        }
        var output = new List<string>();
        var i = input;
        var sb = new StringBuilder();
        while (i.Length > 0)
        {
            if (i.StartsWith("../", StringComparison.Ordinal))
            {
                i = i.Substring(3);
            }
            else if (i.StartsWith("./", StringComparison.Ordinal))
            {
                i = i.Substring(2);
            }
            else if (i.StartsWith("/./", StringComparison.Ordinal))
            {
                i = i.Substring(2);
            }
            else if (i == "/.")
            {
                i = "/";
            }
            else if (i.StartsWith("/../", StringComparison.Ordinal))
            {
                i = i.Substring(3);
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (i == "/..")
            {
                i = "/";
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (i == "." || i == "..")
            {
                i = "";
            }
            else
            {
                var start = i[0] == '/' ? 1 : 0;
                var next = i.IndexOf('/', start);
                var seg = next < 0 ? i : i.Substring(0, next);
                output.Add(seg);
                i = next < 0 ? "" : i.Substring(next);
            }
        }
        foreach (var seg in output)
        {
            sb.Append(seg);
        }
        return sb.ToString();
    }
}
