namespace VcService.Crypto;

/// <summary>
/// Multibase (draft-multiformats-multibase) for the two bases the VC specs use:
/// 'z' base58btc and 'u' base64url (no padding).
/// </summary>
public static class Multibase
{
    /// <summary>Multibase prefix of base58btc.</summary>
    public const char Base58BtcPrefix = 'z';

    /// <summary>Multibase prefix of base64url without padding.</summary>
    public const char Base64UrlPrefix = 'u';

    /// <summary>'z' + base58btc(data).</summary>
    public static string EncodeBase58Btc(ReadOnlySpan<byte> data)
    {
        return Base58BtcPrefix + Base58Btc.Encode(data);
    }

    /// <summary>Decodes a 'z' string; throws <see cref="FormatException"/> naming the problem.</summary>
    public static byte[] DecodeBase58Btc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[0] != Base58BtcPrefix)
        {
            throw new FormatException("multibase: expected base58btc prefix 'z'");
        }

        if (!Base58Btc.TryDecode(text.AsSpan(1), out var bytes, out var error, positionOffset: 1))
        {
            throw new FormatException("multibase: " + error);
        }

        return bytes;
    }

    /// <summary>'u' + base64url(data).</summary>
    public static string EncodeBase64Url(ReadOnlySpan<byte> data)
    {
        return Base64UrlPrefix + Base64Url.Encode(data);
    }

    /// <summary>Decodes a 'u' string; throws <see cref="FormatException"/> naming the problem.</summary>
    public static byte[] DecodeBase64Url(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[0] != Base64UrlPrefix)
        {
            throw new FormatException("multibase: expected base64url prefix 'u'");
        }

        if (!Base64Url.TryDecode(text[1..], out var bytes, out var error))
        {
            throw new FormatException("multibase: " + error);
        }

        return bytes;
    }

    /// <summary>Decodes either supported base, chosen by the prefix.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0
            ? throw new FormatException("multibase: empty string")
            : text[0] switch
            {
                Base58BtcPrefix => DecodeBase58Btc(text),
                Base64UrlPrefix => DecodeBase64Url(text),
                _ => throw new FormatException($"multibase: unsupported prefix '{text[0]}' (expected 'z' or 'u')"),
            };
    }
}
