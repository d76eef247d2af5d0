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
/// Reads UTF-8 JSON (RFC 8259) straight into the <see cref="JsonModel"/>: one recursive-descent pass, no tokens,
/// no intermediate DOM. As strict as System.Text.Json's <c>Utf8JsonReader</c> with its default options (no
/// comments, no trailing commas, one top-level value, no byte order mark), and it enforces the depth limit the
/// same way (<c>MaxDepth = maxDepth + 1</c> nested maps and arrays). Malformed JSON raises
/// <see cref="JsonLdException"/> "invalid JSON" naming the byte offset, line and column; so do values JSON-LD
/// cannot represent (invalid UTF-8, a lone surrogate from a \u escape, a number beyond the double range).
/// </summary>
/// <remarks>
/// Performance: strings are scanned a vector at a time for the bytes that need care (quote, backslash, control,
/// non-ASCII) and an all-ASCII string is widened to UTF-16 in one go; members and items are gathered on one
/// scratch stack per document, so every map and array is created once at its final size; property names (a small
/// vocabulary) are hashed while they are scanned and interned per thread (<see cref="JsonNameTable"/>), so a
/// document allocates no key strings and the algorithms' term lookups compare keys by reference. Numbers are
/// parsed by <see cref="double.Parse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?)"/> (correctly rounded,
/// as <c>Utf8JsonReader.GetDouble</c>), short integers directly.
/// </remarks>
internal static class JsonModelReader
{
    /// <summary>Bytes that end the fast scan of a string: quote, backslash, control characters, non-ASCII.</summary>
    private static readonly SearchValues<byte> s_stringSpecial = SearchValues.Create(StringSpecialBytes());

    /// <summary>Bytes that end a string or need decoding in it: quote, backslash, control characters.</summary>
    private static readonly SearchValues<byte> s_stringDelimiters = SearchValues.Create(StringSpecialBytes()[..0x22]);

    private static readonly Vector128<byte> s_byteIndices = Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    public static object? Read(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var parser = new Parser(utf8Json, maxDepth);
        return parser.ReadDocument();
    }

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

    /// <summary>
    /// The index of the first byte in <paramref name="text"/> that ends the fast scan of a string (quote, backslash,
    /// control character, non-ASCII), or -1. Most strings are short, so the first 16 bytes are tested inline.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfSpecial(ReadOnlySpan<byte> text)
    {
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<byte>.Count)
        {
            uint mask = SpecialMask(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(text)));
            return mask != 0 ? BitOperations.TrailingZeroCount(mask) : IndexOfSpecialAfter16(text);
        }
        return text.IndexOfAny(s_stringSpecial);
    }

    private static int IndexOfSpecialAfter16(ReadOnlySpan<byte> text)
    {
        ref byte start = ref MemoryMarshal.GetReference(text);
        int i = Vector128<byte>.Count;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= text.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                uint mask = SpecialMask(Vector256.LoadUnsafe(ref start, (nuint)i));
                if (mask != 0)
                {
                    return i + BitOperations.TrailingZeroCount(mask);
                }
            }
        }
        for (; i <= text.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            uint mask = SpecialMask(Vector128.LoadUnsafe(ref start, (nuint)i));
            if (mask != 0)
            {
                return i + BitOperations.TrailingZeroCount(mask);
            }
        }
        if (i < text.Length)
        {
            // The last 16 bytes, overlapping bytes already found plain (their bits are clear).
            i = text.Length - Vector128<byte>.Count;
            uint mask = SpecialMask(Vector128.LoadUnsafe(ref start, (nuint)i));
            if (mask != 0)
            {
                return i + BitOperations.TrailingZeroCount(mask);
            }
        }
        return -1;
    }

    /// <summary>One bit per byte that is a control character or non-ASCII (below 0x20 as a signed byte), '"' or '\\'.</summary>
    private static uint SpecialMask(Vector128<byte> bytes) =>
        (Vector128.LessThan(bytes.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte()
            | Vector128.Equals(bytes, Vector128.Create((byte)'"'))
            | Vector128.Equals(bytes, Vector128.Create((byte)'\\'))).ExtractMostSignificantBits();

    private static uint SpecialMask(Vector256<byte> bytes) =>
        (Vector256.LessThan(bytes.AsSByte(), Vector256.Create((sbyte)0x20)).AsByte()
            | Vector256.Equals(bytes, Vector256.Create((byte)'"'))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\\'))).ExtractMostSignificantBits();

    private ref struct Parser
    {
        private readonly ReadOnlySpan<byte> _json;
        private readonly int _maxDepth;
        private readonly JsonNameTable _names;
        private Stack _stack;
        private int _pos;
        private int _depth;

        public Parser(ReadOnlySpan<byte> json, int maxDepth)
        {
            _json = json;
            _maxDepth = maxDepth;
            _names = JsonNameTable.Current;
            _stack = Stack.Rent();
        }

        public object? ReadDocument()
        {
            byte b = SkipWhitespace();
            if (_pos == _json.Length)
            {
                throw Error("the document is empty");
            }
            var value = ReadValue(b);
            SkipWhitespace();
            if (_pos != _json.Length)
            {
                throw Error("content after the top-level value");
            }
            _stack.Return();
            return value;
        }

        /// <summary>The byte at the current position after whitespace, or 0 at the end.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private byte Next()
        {
            if ((uint)_pos < (uint)_json.Length)
            {
                byte b = _json[_pos];
                if (b > (byte)' ')
                {
                    return b;
                }
            }
            return SkipWhitespace();
        }

        private byte SkipWhitespace()
        {
            var json = _json;
            int pos = _pos;
            while ((uint)pos < (uint)json.Length)
            {
                byte b = json[pos];
                if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
                {
                    _pos = pos;
                    return b;
                }
                pos++;
            }
            _pos = pos;
            return 0;
        }

        private object? ReadValue(byte b)
        {
            switch (b)
            {
                case (byte)'"':
                    return ReadString();
                case (byte)'{':
                    return ReadObject();
                case (byte)'[':
                    return ReadArray();
                case (byte)'t':
                    ReadLiteral("true"u8);
                    return true;
                case (byte)'f':
                    ReadLiteral("false"u8);
                    return false;
                case (byte)'n':
                    ReadLiteral("null"u8);
                    return null;
                default:
                    if (b == '-' || (uint)(b - '0') <= 9)
                    {
                        return ReadNumber();
                    }
                    throw Unexpected("a value");
            }
        }

        private Dictionary<string, object?> ReadObject()
        {
            Enter();
            _pos++;
            int start = _stack.Count;
            byte b = Next();
            if (b != '}')
            {
                while (true)
                {
                    if (b != '"')
                    {
                        throw Unexpected(b == '}' ? "a property name (a trailing comma is not allowed)" : "a property name");
                    }
                    string key = ReadName();
                    if (Next() != ':')
                    {
                        throw Unexpected("':' after a property name");
                    }
                    _pos++;
                    _stack.Push(key, ReadValue(Next()));
                    b = Next();
                    if (b == ',')
                    {
                        _pos++;
                        b = Next();
                    }
                    else if (b == '}')
                    {
                        break;
                    }
                    else
                    {
                        throw Unexpected("',' or '}' after a property value");
                    }
                }
            }
            _pos++;
            _depth--;
            var map = new Dictionary<string, object?>(_stack.Count - start, StringComparer.Ordinal);
            foreach (ref readonly var member in _stack.Members.AsSpan(start, _stack.Count - start))
            {
                // Duplicate keys: the last one wins, as JSON.parse does.
                map[member.Key!] = member.Value;
            }
            _stack.PopTo(start);
            return map;
        }

        private List<object?> ReadArray()
        {
            Enter();
            _pos++;
            int start = _stack.Count;
            byte b = Next();
            if (b != ']')
            {
                while (true)
                {
                    if (b == ']')
                    {
                        throw Unexpected("a value (a trailing comma is not allowed)");
                    }
                    _stack.Push(null, ReadValue(b));
                    b = Next();
                    if (b == ',')
                    {
                        _pos++;
                        b = Next();
                    }
                    else if (b == ']')
                    {
                        break;
                    }
                    else
                    {
                        throw Unexpected("',' or ']' after an array item");
                    }
                }
            }
            _pos++;
            _depth--;
            var list = new List<object?>(_stack.Count - start);
            foreach (ref readonly var member in _stack.Members.AsSpan(start, _stack.Count - start))
            {
                list.Add(member.Value);
            }
            _stack.PopTo(start);
            return list;
        }

        /// <summary>One more level of nesting: Utf8JsonReader with MaxDepth = maxDepth + 1 allows that many.</summary>
        private void Enter()
        {
            if (++_depth > _maxDepth + 1)
            {
                throw new JsonLdException(JsonLdErrorCode.DocumentTooDeep,
                    $"document nests deeper than the MaxDepth limit ({_maxDepth}) at {Position(_pos)}");
            }
            if (_depth > 64 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                // A MaxDepth configured beyond what the thread's stack can recurse.
                throw new JsonLdException(JsonLdErrorCode.DocumentTooDeep,
                    $"document nests deeper ({_depth}) than the thread's stack allows at {Position(_pos)}");
            }
        }

        private void ReadLiteral(ReadOnlySpan<byte> literal)
        {
            if (!_json[_pos..].StartsWith(literal))
            {
                throw Error($"invalid literal (expected '{Encoding.ASCII.GetString(literal)}')");
            }
            _pos += literal.Length;
        }

        /// <summary>A number (RFC 8259 §6): -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</summary>
        private object ReadNumber()
        {
            var json = _json;
            int start = _pos;
            int pos = start;
            bool negative = json[pos] == '-';
            if (negative)
            {
                pos++;
            }
            long integer = 0;
            int digitsStart = pos;
            if (pos < json.Length && json[pos] == '0')
            {
                pos++;
                if (pos < json.Length && (uint)(json[pos] - '0') <= 9)
                {
                    throw Error("a number with a leading zero", pos);
                }
            }
            else
            {
                while (pos < json.Length && (uint)(json[pos] - '0') <= 9)
                {
                    integer = unchecked(integer * 10 + (json[pos] - '0'));
                    pos++;
                }
                if (pos == digitsStart)
                {
                    throw Error("a number without digits", pos);
                }
            }
            bool isInteger = true;
            if (pos < json.Length && json[pos] == '.')
            {
                isInteger = false;
                pos = Digits(pos + 1, "a number without digits after the decimal point");
            }
            if (pos < json.Length && (json[pos] | 0x20) == 'e')
            {
                isInteger = false;
                pos++;
                if (pos < json.Length && json[pos] is (byte)'+' or (byte)'-')
                {
                    pos++;
                }
                pos = Digits(pos, "a number without digits in the exponent");
            }
            _pos = pos;
            double value;
            if (isInteger && pos - digitsStart <= 15)
            {
                // Exact: fewer than 2^53. Negated as a double so that -0 stays -0.
                value = negative ? -(double)integer : integer;
            }
            else
            {
                value = double.Parse(json[start..pos], NumberStyles.Float, CultureInfo.InvariantCulture);
                if (!double.IsFinite(value))
                {
                    throw new JsonLdException(JsonLdErrorCode.InvalidJson,
                        $"document holds a number outside the range of a double at {Position(start)}");
                }
            }
            return value;
        }

        private readonly int Digits(int pos, string error)
        {
            int start = pos;
            while (pos < _json.Length && (uint)(_json[pos] - '0') <= 9)
            {
                pos++;
            }
            return pos > start ? pos : throw Error(error, pos);
        }

        /// <summary>A property name: a short unescaped name is interned.</summary>
        private string ReadName()
        {
            var rest = _json[(_pos + 1)..];
            if (Vector128.IsHardwareAccelerated && rest.Length >= Vector128<byte>.Count)
            {
                // Most names are ASCII and shorter than 16 bytes: one vector finds the end and holds the name.
                var bytes = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(rest));
                int end = BitOperations.TrailingZeroCount(SpecialMask(bytes)); // 32 when none
                if (end < Vector128<byte>.Count && rest[end] == '"')
                {
                    _pos += end + 2;
                    var words = (bytes & Vector128.LessThan(s_byteIndices, Vector128.Create((byte)end))).AsUInt64();
                    return _names.InternShortAscii(rest[..end], words.GetElement(0), words.GetElement(1));
                }
            }
            int length = IndexOfSpecial(rest);
            if ((uint)length <= JsonNameTable.MaxNameBytes && rest[length] == '"')
            {
                _pos += length + 2;
                return _names.Intern(rest[..length], ascii: true);
            }
            return ReadStringSlow(isName: true);
        }

        /// <summary>A string value: an all-ASCII string without escapes is widened to UTF-16 in one go.</summary>
        private string ReadString()
        {
            var rest = _json[(_pos + 1)..];
            int length = IndexOfSpecial(rest);
            if (length >= 0 && rest[length] == '"')
            {
                _pos += length + 2;
                return Encoding.Latin1.GetString(rest[..length]);
            }
            return ReadStringSlow(isName: false);
        }

        /// <summary>Any string: escapes, non-ASCII (validated as UTF-8), or malformed.</summary>
        private string ReadStringSlow(bool isName)
        {
            var json = _json;
            int start = _pos + 1;
            int pos = start;
            bool escaped = false;
            while (true)
            {
                int i = json[pos..].IndexOfAny(s_stringDelimiters);
                if (i < 0)
                {
                    throw Error("an unterminated string", _pos);
                }
                pos += i;
                byte b = json[pos];
                if (b == '"')
                {
                    break;
                }
                if (b == '\\')
                {
                    escaped = true;
                    pos = SkipEscape(pos);
                }
                else
                {
                    throw Error($"a control character (U+{b:X4}) in a string; it must be escaped", pos);
                }
            }
            var raw = json[start..pos];
            _pos = pos + 1;
            if (escaped)
            {
                return Unescape(raw, start);
            }
            if (!Utf8.IsValid(raw))
            {
                throw InvalidUtf8(raw, start);
            }
            if (isName && raw.Length <= JsonNameTable.MaxNameBytes)
            {
                return _names.Intern(raw, ascii: false);
            }
            return Encoding.UTF8.GetString(raw);
        }

        /// <summary>The position after the escape sequence at <paramref name="pos"/> (a backslash), checked.</summary>
        private readonly int SkipEscape(int pos)
        {
            var json = _json;
            if (pos + 1 >= json.Length)
            {
                throw Error("an unterminated string", pos);
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
                            throw Error("an invalid \\u escape (four hexadecimal digits expected)", pos);
                        }
                    }
                    return pos + 6;
                default:
                    throw Error($"an invalid escape sequence '\\{Printable(json[pos + 1])}'", pos);
            }
        }

        /// <summary>Decodes a string whose escapes <see cref="SkipEscape"/> checked; <paramref name="offset"/> is where it starts.</summary>
        private readonly string Unescape(ReadOnlySpan<byte> raw, int offset)
        {
            // UTF-16 never needs more chars than UTF-8 bytes, and escapes only shrink.
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
                    throw InvalidUtf8(run, offset + pos);
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
                            throw LoneSurrogate(c, offset + pos);
                        }
                        if (char.IsHighSurrogate(c))
                        {
                            // A pair is two escapes: \uD83D\uDE00.
                            if (pos + 12 > raw.Length || raw[pos + 6] != '\\' || raw[pos + 7] != 'u'
                                || !char.IsLowSurrogate((char)Hex4(raw, pos + 8)))
                            {
                                throw LoneSurrogate(c, offset + pos);
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

        private readonly JsonLdException LoneSurrogate(char c, int pos) => new(JsonLdErrorCode.InvalidJson,
            $"document holds a string that is not valid Unicode: the escape \\u{(int)c:X4} is a lone surrogate at {Position(pos)}");

        private readonly JsonLdException InvalidUtf8(ReadOnlySpan<byte> raw, int offset)
        {
            Utf8.ToUtf16(raw, new char[raw.Length], out int valid, out _, replaceInvalidSequences: false);
            return new JsonLdException(JsonLdErrorCode.InvalidJson,
                $"document holds a string that is not valid Unicode: invalid UTF-8 at {Position(offset + valid)}");
        }

        /// <summary>"expected …, found …" at the current position.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private readonly JsonLdException Unexpected(string expected)
        {
            string found = _pos >= _json.Length ? "the end of the document" : $"'{Printable(_json[_pos])}'";
            return Error($"expected {expected}, found {found}");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private readonly JsonLdException Error(string what) => Error(what, _pos);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private readonly JsonLdException Error(string what, int pos) =>
            new(JsonLdErrorCode.InvalidJson, $"document is not well-formed JSON: {what} at {Position(pos)}");

        /// <summary>"byte 12 (line 1, column 13)": lines and columns count from 1, columns in bytes.</summary>
        private readonly string Position(int pos)
        {
            pos = Math.Min(pos, _json.Length);
            var before = _json[..pos];
            int line = before.Count((byte)'\n') + 1;
            int column = pos - (before.LastIndexOf((byte)'\n') + 1) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"byte {pos} (line {line}, column {column})");
        }

        private static string Printable(byte b) => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"0x{b:X2}";
    }

    /// <summary>Members (key, value) or items (null, value) of the maps and arrays being read, innermost last.</summary>
    private struct Stack
    {
        private const int MaxKeptLength = 4096;

        // One array per thread, reused by the next document (not returned when reading failed).
        [ThreadStatic]
        private static Member[]? t_members;

        public Member[] Members;
        public int Count;

        public static Stack Rent()
        {
            var stack = new Stack { Members = t_members ?? new Member[64] };
            t_members = null;
            return stack;
        }

        public readonly void Return()
        {
            if (Members.Length <= MaxKeptLength)
            {
                t_members = Members;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Push(string? key, object? value)
        {
            if (Count == Members.Length)
            {
                Array.Resize(ref Members, Count * 2);
            }
            ref var member = ref Members[Count++];
            member.Key = key;
            member.Value = value;
        }

        public void PopTo(int start)
        {
            // Clear so finished values are not kept alive by the scratch array.
            Members.AsSpan(start, Count - start).Clear();
            Count = start;
        }
    }

    private struct Member
    {
        public string? Key;
        public object? Value;
    }
}
