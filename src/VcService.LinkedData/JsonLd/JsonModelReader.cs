using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace VcService.LinkedData.JsonLd;

/// <summary>
/// Reads UTF-8 JSON (RFC 8259) straight into the <see cref="JsonModel"/>: one pass, no tokens, no intermediate
/// DOM. As strict as System.Text.Json's <c>Utf8JsonReader</c> with its default options (no comments, no trailing
/// commas, one top-level value, no byte order mark), and it enforces the depth limit the same way (at most
/// <c>maxDepth + 1</c> nested maps and arrays, as <c>MaxDepth = maxDepth + 1</c> there). Malformed JSON raises
/// <see cref="JsonLdException"/> "invalid JSON" naming the byte offset, line and column; so do values JSON-LD
/// cannot represent (invalid UTF-8, a lone surrogate from a \u escape, a number beyond the double range).
/// </summary>
/// <remarks>
/// Performance: one loop with an explicit stack (no recursion, so the position stays in a register); strings
/// scanned a vector at a time for the bytes that need care (<see cref="JsonSyntax"/>) and an all-ASCII string
/// widened to UTF-16 in one go; members and items gathered on one scratch stack per thread, so every map and array
/// is created once at its final size; property names (a small vocabulary) interned per thread by their bytes
/// (<see cref="JsonNameTable"/>; a short name is held in one vector register and found by two words), so a document
/// allocates no key strings and the algorithms' term lookups compare keys by reference.
/// </remarks>
internal static class JsonModelReader
{
    private const int MaxKeptLength = 4096;

    private static readonly Vector128<byte> s_byteIndices = Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    // Scratch per thread, reused by the next document (not returned when reading failed).
    [ThreadStatic]
    private static Member[]? t_members;
    [ThreadStatic]
    private static int[]? t_frames;

    public static object? Read(ReadOnlySpan<byte> json, int maxDepth)
    {
        var names = JsonNameTable.Current;
        // Members (key, value) and items (null, value) of the open maps and arrays, innermost last; a map's key is
        // pushed when read, its value set when complete.
        var members = t_members ?? new Member[64];
        int count = 0;
        // Per open map or array, where its members start: the index for a map, its complement for an array.
        var frames = t_frames ?? new int[16];
        int depth = 0;
        t_members = null;
        t_frames = null;

        int pos = JsonSyntax.SkipWhitespace(json, 0);
        if (pos == json.Length)
        {
            throw JsonSyntax.Error(json, pos, "the document is empty");
        }
        byte b = json[pos];
        object? value;
        int end;
        int previousName = 0;

    Value:
        // A value starts at pos with b.
        switch (b)
        {
            case (byte)'"':
            {
                var rest = json[(pos + 1)..];
                int length = JsonSyntax.IndexOfStringSpecial(rest);
                if (length >= 0 && rest[length] == '"')
                {
                    // Latin-1 widens bytes to chars, which for ASCII is the decoding (and the fastest).
                    value = Encoding.Latin1.GetString(rest[..length]);
                    pos += length + 2;
                }
                else
                {
                    value = JsonSyntax.ReadString(json, pos, null, out end);
                    pos = end;
                }
                break;
            }
            case (byte)'{' or (byte)'[':
                if (depth > maxDepth)
                {
                    throw new JsonLdException(JsonLdErrorCode.DocumentTooDeep,
                        $"document nests deeper than the MaxDepth limit ({maxDepth}) at {JsonSyntax.Position(json, pos)}");
                }
                if (depth == frames.Length)
                {
                    frames = Grow(frames);
                }
                bool isMap = b == '{';
                frames[depth++] = isMap ? count : ~count;
                pos = SkipWhitespace(json, pos + 1, out b);
                if (isMap)
                {
                    if (b != '}')
                    {
                        goto Member;
                    }
                    value = new Dictionary<string, object?>(0, StringComparer.Ordinal);
                }
                else
                {
                    if (b != ']')
                    {
                        goto Value;
                    }
                    value = new List<object?>(0);
                }
                pos++;
                depth--;
                break;
            case (byte)'t':
                pos = JsonSyntax.ReadLiteral(json, pos, "true"u8);
                value = true;
                break;
            case (byte)'f':
                pos = JsonSyntax.ReadLiteral(json, pos, "false"u8);
                value = false;
                break;
            case (byte)'n':
                pos = JsonSyntax.ReadLiteral(json, pos, "null"u8);
                value = null;
                break;
            default:
                if (b != '-' && (uint)(b - '0') > 9)
                {
                    throw JsonSyntax.Unexpected(json, pos, "a value");
                }
                value = JsonSyntax.ReadNumber(json, pos, out end);
                pos = end;
                break;
        }

    Complete:
        // value is complete: it is the document, or it goes into the innermost map or array.
        if (depth == 0)
        {
            pos = JsonSyntax.SkipWhitespace(json, pos);
            if (pos != json.Length)
            {
                throw JsonSyntax.Error(json, pos, "content after the top-level value");
            }
            if (members.Length <= MaxKeptLength && frames.Length <= MaxKeptLength)
            {
                t_members = members;
                t_frames = frames;
            }
            return value;
        }
        int start = frames[depth - 1];
        pos = SkipWhitespace(json, pos, out b);
        if (start >= 0)
        {
            members[count - 1].Value = value;
            if (b == ',')
            {
                pos = SkipWhitespace(json, pos + 1, out b);
                if (b == '}')
                {
                    throw JsonSyntax.Unexpected(json, pos, "a property name (a trailing comma is not allowed)");
                }
                goto Member;
            }
            if (b != '}')
            {
                throw JsonSyntax.Unexpected(json, pos, "',' or '}' after a property value");
            }
            value = BuildMap(members, start, count);
        }
        else
        {
            if (count == members.Length)
            {
                members = Grow(members);
            }
            members[count++].Value = value;
            if (b == ',')
            {
                pos = SkipWhitespace(json, pos + 1, out b);
                if (b == ']')
                {
                    throw JsonSyntax.Unexpected(json, pos, "a value (a trailing comma is not allowed)");
                }
                goto Value;
            }
            if (b != ']')
            {
                throw JsonSyntax.Unexpected(json, pos, "',' or ']' after an array item");
            }
            start = ~start;
            value = BuildList(members, start, count);
        }
        count = start;
        pos++;
        depth--;
        goto Complete;

    Member:
        // A member of a map starts at pos with b: its name, ':', then its value.
        {
            if (b != '"')
            {
                throw JsonSyntax.Unexpected(json, pos, "a property name");
            }
            string key;
            var rest = json[(pos + 1)..];
            if (Vector128.IsHardwareAccelerated && rest.Length >= Vector128<byte>.Count)
            {
                // Most names are ASCII and shorter than 16 bytes: one vector finds the end and holds the name.
                var bytes = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(rest));
                int length = BitOperations.TrailingZeroCount(JsonSyntax.StringSpecialMask(bytes)); // 32 when none
                if (length < Vector128<byte>.Count && rest[length] == '"')
                {
                    var words = (bytes & Vector128.LessThan(s_byteIndices, Vector128.Create((byte)length))).AsUInt64();
                    key = names.InternShortAscii(rest[..length], words.GetElement(0), words.GetElement(1), ref previousName);
                    pos += length + 2;
                    goto Name;
                }
            }
            key = ReadName(json, pos, names, out end);
            pos = end;
            previousName = 0;
        Name:
            pos = SkipWhitespace(json, pos, out b);
            if (b != ':')
            {
                throw JsonSyntax.Unexpected(json, pos, "':' after a property name");
            }
            pos = SkipWhitespace(json, pos + 1, out b);
            if (count == members.Length)
            {
                members = Grow(members);
            }
            members[count++].Key = key;
            goto Value;
        }
    }

    /// <summary>The position of the first byte from <paramref name="pos"/> that is not whitespace, that byte (0 at the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> json, int pos, out byte next)
    {
        next = JsonSyntax.At(json, pos);
        if (next <= (byte)' ')
        {
            pos = JsonSyntax.SkipWhitespace(json, pos);
            next = JsonSyntax.At(json, pos);
        }
        return pos;
    }

    /// <summary>A property name that is longer than 16 bytes, not ASCII, escaped, or malformed.</summary>
    private static string ReadName(ReadOnlySpan<byte> json, int pos, JsonNameTable names, out int end)
    {
        var rest = json[(pos + 1)..];
        int length = JsonSyntax.IndexOfStringSpecial(rest);
        if ((uint)length <= JsonNameTable.MaxNameBytes && rest[length] == '"')
        {
            end = pos + length + 2;
            return names.Intern(rest[..length], ascii: true);
        }
        return JsonSyntax.ReadString(json, pos, names, out end);
    }

    /// <summary>A copy twice as long (a method, not Array.Resize by reference, so the array stays in a register).</summary>
    private static T[] Grow<T>(T[] array)
    {
        var grown = new T[array.Length * 2];
        array.CopyTo(grown, 0);
        return grown;
    }

    private static Dictionary<string, object?> BuildMap(Member[] members, int start, int count)
    {
        var map = new Dictionary<string, object?>(count - start, StringComparer.Ordinal);
        foreach (ref var member in members.AsSpan(start, count - start))
        {
            // Duplicate keys: the last one wins, as JSON.parse does.
            map[member.Key!] = member.Value;
            // Cleared so finished values are not kept alive by the scratch array.
            member = default;
        }
        return map;
    }

    private static List<object?> BuildList(Member[] members, int start, int count)
    {
        var list = new List<object?>(count - start);
        foreach (ref var member in members.AsSpan(start, count - start))
        {
            list.Add(member.Value);
            member = default;
        }
        return list;
    }

    private struct Member
    {
        public string? Key;
        public object? Value;
    }
}
