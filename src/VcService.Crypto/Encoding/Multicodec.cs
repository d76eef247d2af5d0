namespace VcService.Crypto;

/// <summary>
/// Multicodec headers (unsigned varint of the code in the multicodec table) used by Multikey
/// (VC Data Integrity §2.2.2).
/// </summary>
public static class Multicodec
{
    /// <summary>ed25519-pub, code 0xed.</summary>
    public static ReadOnlySpan<byte> Ed25519Pub => [0xed, 0x01];

    /// <summary>ed25519-priv, code 0x1300.</summary>
    public static ReadOnlySpan<byte> Ed25519Priv => [0x80, 0x26];

    /// <summary>p256-pub, code 0x1200 (compressed SEC1 point).</summary>
    public static ReadOnlySpan<byte> P256Pub => [0x80, 0x24];

    /// <summary>p256-priv, code 0x1306 (32-byte scalar).</summary>
    public static ReadOnlySpan<byte> P256Priv => [0x86, 0x26];

    /// <summary>The public-key header for a key type.</summary>
    public static ReadOnlySpan<byte> PublicHeader(KeyType type)
    {
        return type switch
        {
            KeyType.Ed25519 => Ed25519Pub,
            KeyType.P256 => P256Pub,
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>The private-key header for a key type.</summary>
    public static ReadOnlySpan<byte> PrivateHeader(KeyType type)
    {
        return type switch
        {
            KeyType.Ed25519 => Ed25519Priv,
            KeyType.P256 => P256Priv,
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>Prepends a header.</summary>
    public static byte[] Prefix(ReadOnlySpan<byte> header, ReadOnlySpan<byte> key)
    {
        var result = new byte[header.Length + key.Length];
        header.CopyTo(result);
        key.CopyTo(result.AsSpan(header.Length));
        return result;
    }
}
