using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace VcService.LinkedData.JsonLd;

/// <summary>
/// The lexical pieces of UTF-8 JSON (RFC 8259) for <see cref="JsonModelReader"/>: whitespace, strings, numbers,
/// and errors that name where they are. Each method takes the whole document and a byte offset, and returns the
/// offset after what it read, so the reader keeps its position in a register.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>Bytes that end the fast scan of a string: control characters, '"', '\\', non-ASCII.</summary>
    private static readonly SearchValues<byte> s_stringSpecial = SearchValues.Create(StringSpecialBytes());

    /// <summary>Bytes that end a string or need decoding in it: control characters, '"', '\\'.</summary>
    private static readonly SearchValues<byte> s_stringDelimiters = SearchValues.Create(StringSpecialBytes()[..0x22]);

    /// <summary>0x00-0x1F, '"', '\\', then 0x80-0xFF.</summary>
    private static byte[] StringSpecialBytes()
    {
        var bytes = new List<byte>();
        for (int b = 0; b < 0x20; b++)
        {
            bytes.Add((byte)b);
        }
        bytes.Add((byte)'"');
        bytes.Add((byte)'\\');
        for (int b = 0x80; b < 0x100; b++)
        {
            bytes.Add((byte)b);
        }
        return [.. bytes];
    }

    /// <summary>The byte at <paramref name="pos"/>, or 0 at the end (0 is never valid there, so it reads as an error).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte At(ReadOnlySpan<byte> json, int pos) => (uint)pos < (uint)json.Length ? json[pos] : (byte)0;

    /// <summary>The first offset from <paramref name="pos"/> that is not JSON whitespace (space, tab, LF, CR).</summary>
    public static int SkipWhitespace(ReadOnlySpan<byte> json, int pos)
    {
        while ((uint)pos < (uint)json.Length && json[pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            pos++;
        }
        return pos;
    }

    /// <summary>
    /// The index of the first byte in <paramref name="text"/> that ends the fast scan of a string (control character,
    /// '"', '\\', non-ASCII), or -1. Most strings are short, so the first 16 bytes are tested inline.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfStringSpecial(ReadOnlySpan<byte> text)
    {
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<byte>.Count)
        {
            uint mask = StringSpecialMask(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(text)));
            return mask != 0 ? BitOperations.TrailingZeroCount(mask) : IndexOfStringSpecialAfter16(text);
        }
        return text.IndexOfAny(s_stringSpecial);
    }

    /// <summary>One bit per byte that is a control character or non-ASCII (below 0x20 as a signed byte), '"' or '\\'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint StringSpecialMask(Vector128<byte> bytes) =>
        (Vector128.LessThan(bytes.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte()
            | Vector128.Equals(bytes, Vector128.Create((byte)'"'))
            | Vector128.Equals(bytes, Vector128.Create((byte)'\\'))).ExtractMostSignificantBits();

    private static uint StringSpecialMask(Vector256<byte> bytes) =>
        (Vector256.LessThan(bytes.AsSByte(), Vector256.Create((sbyte)0x20)).AsByte()
            | Vector256.Equals(bytes, Vector256.Create((byte)'"'))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\\'))).ExtractMostSignificantBits();

    private static int IndexOfStringSpecialAfter16(ReadOnlySpan<byte> text)
    {
        ref byte start = ref MemoryMarshal.GetReference(text);
        int i = Vector128<byte>.Count;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= text.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                uint mask = StringSpecialMask(Vector256.LoadUnsafe(ref start, (nuint)i));
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }
        for (; i <= text.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            uint mask = StringSpecialMask(Vector128.LoadUnsafe(ref start, (nuint)i));
            if (mask != 0)
            {
                return i + BitOperations.TrailingZeroCount(mask);
            }
        }
        if (i < text.Length)
        {
            // The last 16 bytes, overlapping bytes already found plain (their bits are clear).
            i = text.Length - Vector128<byte>.Count;
            uint mask = StringSpecialMask(Vector128.LoadUnsafe(ref start, (nuint)i));
            if (mask != 0)
            {
                return i + BitOperations.TrailingZeroCount(mask);
            }
        }
        return -1;
    }

    /// <summary>
    /// Any string at <paramref name="pos"/> (its opening quote): escapes, non-ASCII (validated as UTF-8), or
    /// malformed. <paramref name="names"/>: a property name, interned when short and unescaped.
    /// </summary>
    public static string ReadString(ReadOnlySpan<byte> json, int pos, JsonNameTable? names, out int end)
    {
        int start = pos + 1;
        int i = start;
        bool escaped = false;
        while (true)
        {
            int next = json[i..].IndexOfAny(s_stringDelimiters);
            if (next < 0)
            {
                throw Error(json, pos, "an unterminated string");
            }
            i += next;
            byte b = json[i];
            if (b == '"')
            {
                break;
            }
            if (b != '\\')
            {
                throw Error(json, i, $"a control character (U+{b:X4}) in a string; it must be escaped");
            }
            escaped = true;
            i = SkipEscape(json, i);
        }
        var raw = json[start..i];
        end = i + 1;
        if (escaped)
        {
            return Unescape(json, raw, start);
        }
        if (!Utf8.IsValid(raw))
        {
            throw InvalidUtf8(json, raw, start);
        }
        if (names is not null && raw.Length <= JsonNameTable.MaxNameBytes)
        {
            return names.Intern(raw, ascii: false);
        }
        return Encoding.UTF8.GetString(raw);
    }

    /// <summary>The offset after the escape sequence at <paramref name="pos"/> (a backslash), checked.</summary>
    private static int SkipEscape(ReadOnlySpan<byte> json, int pos)
    {
        if (pos + 1 >= json.Length)
        {
            throw Error(json, pos, "an unterminated string");
        }
        switch (json[pos + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return pos + 2;
            case (byte)'u':
                for (int i = pos + 2; i < pos + 6; i++)
                {
                    if (i >= json.Length || HexValue(json[i]) < 0)
                    {
                        throw Error(json, pos, "an invalid \\u escape (four hexadecimal digits expected)");
                    }
                }
                return pos + 6;
            default:
                throw Error(json, pos, $"an invalid escape sequence '\\{Printable(json[pos + 1])}'");
        }
    }

    /// <summary>Decodes a string whose escapes <see cref="SkipEscape"/> checked; it starts at <paramref name="offset"/>.</summary>
    private static string Unescape(ReadOnlySpan<byte> json, ReadOnlySpan<byte> raw, int offset)
    {
        // UTF-16 never needs more chars than UTF-8 has bytes, and escapes only shrink.
        char[]? rented = null;
        Span<char> chars = raw.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        int written = 0;
        int pos = 0;
        while (true)
        {
            int backslash = raw[pos..].IndexOf((byte)'\\');
            var run = backslash < 0 ? raw[pos..] : raw.Slice(pos, backslash);
            if (Utf8.ToUtf16(run, chars[written..], out _, out int runChars, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                throw InvalidUtf8(json, run, offset + pos);
            }
            written += runChars;
            if (backslash < 0)
            {
                break;
            }
            pos += backslash;
            char c = (char)raw[pos + 1];
            switch (c)
            {
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                case 'u':
                    c = (char)Hex4(raw, pos + 2);
                    if (char.IsLowSurrogate(c))
                    {
                        throw LoneSurrogate(json, c, offset + pos);
                    }
                    if (char.IsHighSurrogate(c))
                    {
                        // A pair is two escapes: \uD83D\uDE00.
                        if (pos + 12 > raw.Length || raw[pos + 6] != '\\' || raw[pos + 7] != 'u'
                            || !char.IsLowSurrogate((char)Hex4(raw, pos + 8)))
                        {
                            throw LoneSurrogate(json, c, offset + pos);
                        }
                        chars[written++] = c;
                        c = (char)Hex4(raw, pos + 8);
                        pos += 6;
                    }
                    pos += 4;
                    break;
            }
            chars[written++] = c; // '"', '\\' and '/' stand for themselves
            pos += 2;
        }
        string value = new(chars[..written]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return value;
    }

    private static int Hex4(ReadOnlySpan<byte> raw, int pos) =>
        (HexValue(raw[pos]) << 12) | (HexValue(raw[pos + 1]) << 8) | (HexValue(raw[pos + 2]) << 4) | HexValue(raw[pos + 3]);

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// A number at <paramref name="pos"/> (RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?) as a
    /// double: correctly rounded like <c>Utf8JsonReader.GetDouble</c>, integers of up to 15 digits directly.
    /// </summary>
    public static double ReadNumber(ReadOnlySpan<byte> json, int pos, out int end)
    {
        int start = pos;
        bool negative = json[pos] == '-';
        if (negative)
        {
            pos++;
        }
        int digitsStart = pos;
        long integer = 0;
        if (At(json, pos) == '0')
        {
            pos++;
            if (IsDigit(At(json, pos)))
            {
                throw Error(json, pos, "a number with a leading zero");
            }
        }
        else
        {
            while (IsDigit(At(json, pos)))
            {
                integer = unchecked(integer * 10 + (json[pos] - '0'));
                pos++;
            }
            if (pos == digitsStart)
            {
                throw Error(json, pos, "a number without digits");
            }
        }
        bool isInteger = true;
        if (At(json, pos) == '.')
        {
            isInteger = false;
            pos = Digits(json, pos + 1, "a number without digits after the decimal point");
        }
        if ((At(json, pos) | 0x20) == 'e')
        {
            isInteger = false;
            pos++;
            if (At(json, pos) is (byte)'+' or (byte)'-')
            {
                pos++;
            }
            pos = Digits(json, pos, "a number without digits in its exponent");
        }
        end = pos;
        if (isInteger && pos - digitsStart <= 15)
        {
            // Exact: below 2^53. Negated as a double so that -0 stays -0.
            return negative ? -(double)integer : integer;
        }
        double value = double.Parse(json[start..pos], NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value)
            ? value
            : throw new JsonLdException(JsonLdErrorCode.InvalidJson, $"document holds a number outside the range of a double at {Position(json, start)}");
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static int Digits(ReadOnlySpan<byte> json, int pos, string error)
    {
        int start = pos;
        while (IsDigit(At(json, pos)))
        {
            pos++;
        }
        return pos > start ? pos : throw Error(json, pos, error);
    }

    /// <summary>Reads the literal <paramref name="literal"/> (true, false, null) at <paramref name="pos"/>.</summary>
    public static int ReadLiteral(ReadOnlySpan<byte> json, int pos, ReadOnlySpan<byte> literal) =>
        json[pos..].StartsWith(literal)
            ? pos + literal.Length
            : throw Error(json, pos, $"an invalid literal (expected '{Encoding.ASCII.GetString(literal)}')");

    /// <summary>"expected …, found …" at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JsonLdException Unexpected(ReadOnlySpan<byte> json, int pos, string expected)
    {
        string found = pos >= json.Length ? "the end of the document" : $"'{Printable(json[pos])}'";
        return Error(json, pos, $"expected {expected}, found {found}");
    }

    /// <summary>"document is not well-formed JSON: … at byte 12 (line 1, column 13)".</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static JsonLdException Error(ReadOnlySpan<byte> json, int pos, string what) =>
        new(JsonLdErrorCode.InvalidJson, $"document is not well-formed JSON: {what} at {Position(json, pos)}");

    private static JsonLdException LoneSurrogate(ReadOnlySpan<byte> json, char c, int pos) => new(JsonLdErrorCode.InvalidJson,
        $"document holds a string that is not valid Unicode: the escape \\u{(int)c:X4} is a lone surrogate at {Position(json, pos)}");

    private static JsonLdException InvalidUtf8(ReadOnlySpan<byte> json, ReadOnlySpan<byte> raw, int offset)
    {
        Utf8.ToUtf16(raw, new char[raw.Length], out int valid, out _, replaceInvalidSequences: false);
        return new JsonLdException(JsonLdErrorCode.InvalidJson,
            $"document holds a string that is not valid Unicode: invalid UTF-8 at {Position(json, offset + valid)}");
    }

    /// <summary>"byte 12 (line 1, column 13)": lines and columns count from 1, columns in bytes.</summary>
    public static string Position(ReadOnlySpan<byte> json, int pos)
    {
        pos = Math.Min(pos, json.Length);
        var before = json[..pos];
        int line = before.Count((byte)'\n') + 1;
        int column = pos - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"byte {pos} (line {line}, column {column})");
    }

    private static string Printable(byte b) => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"0x{b:X2}";
}
