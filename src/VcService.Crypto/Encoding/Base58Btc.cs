namespace VcService.Crypto;

/// <summary>Bitcoin base58 alphabet (draft-msporny-base58). Leading zero bytes map to leading '1's.</summary>
internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Explicit limit: multibase strings here carry keys, never large data.</summary>
    internal const int MaxEncodedLength = 4096;

    private static readonly sbyte[] Map = BuildMap();

    private static sbyte[] BuildMap()
    {
        var map = new sbyte[128];
        Array.Fill(map, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            map[Alphabet[i]] = (sbyte)i;
        }

        return map;
    }

    internal static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // log(256)/log(58) ≈ 1.366: upper bound of base58 digits.
        var digits = new byte[(data.Length - zeros) * 138 / 100 + 1];
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            var j = 0;
            for (; j < length || carry != 0; j++)
            {
                carry += 256 * digits[j];
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }

            length = j;
        }

        var chars = new char[zeros + length];
        for (var i = 0; i < zeros; i++)
        {
            chars[i] = '1';
        }

        for (var i = 0; i < length; i++)
        {
            chars[zeros + i] = Alphabet[digits[length - 1 - i]];
        }

        return new string(chars);
    }

    internal static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes, out string? error, int positionOffset = 0)
    {
        bytes = [];
        error = null;
        if (text.Length > MaxEncodedLength)
        {
            error = $"base58btc: input longer than {MaxEncodedLength} characters";
            return false;
        }

        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        // log(58)/log(256) ≈ 0.733: upper bound of bytes.
        var buffer = new byte[(text.Length - zeros) * 733 / 1000 + 1];
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var value = c < 128 ? Map[c] : -1;
            if (value < 0)
            {
                error = $"base58btc: invalid character at position {i + positionOffset}";
                return false;
            }

            int carry = value;
            var j = 0;
            for (; j < length || carry != 0; j++)
            {
                carry += 58 * buffer[j];
                buffer[j] = (byte)(carry & 0xff);
                carry >>= 8;
            }

            length = j;
        }

        bytes = new byte[zeros + length];
        for (var i = 0; i < length; i++)
        {
            bytes[zeros + i] = buffer[length - 1 - i];
        }

        return true;
    }
}
