namespace VcService.Crypto;

/// <summary>base64url without padding (RFC 4648 §5, RFC 7515 §2). Decoding is strict.</summary>
public static class Base64Url
{
    /// <summary>Encodes bytes as unpadded base64url.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        return System.Buffers.Text.Base64Url.EncodeToString(data);
    }

    /// <summary>Decodes unpadded base64url; throws <see cref="FormatException"/> naming the problem.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryDecode(text, out var bytes, out var error))
        {
            throw new FormatException(error);
        }

        return bytes;
    }

    /// <summary>Decodes unpadded base64url; false with a reason for bad input.</summary>
    public static bool TryDecode(string? text, out byte[] bytes, out string? error)
    {
        bytes = [];
        error = null;
        if (text is null)
        {
            error = "base64url: input is null";
            return false;
        }

        // Padding, '+', '/', and whitespace are not base64url (RFC 7515 §2 requires no padding).
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
            if (!ok)
            {
                error = $"base64url: invalid character at position {i}";
                return false;
            }
        }

        if (text.Length % 4 == 1)
        {
            error = "base64url: invalid length";
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4);
        try
        {
            bytes = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            error = "base64url: not valid base64url";
            return false;
        }

        return true;
    }
}
