using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace VcService.LinkedData.JsonLd;

/// <summary>
/// Reads UTF-8 JSON straight into the <see cref="JsonModel"/> with a <see cref="Utf8JsonReader"/> (one pass, no
/// intermediate DOM); the reader enforces the depth limit. Values JSON-LD cannot represent (a lone surrogate,
/// a number beyond the double range) raise <see cref="JsonLdException"/> ("invalid JSON").
/// </summary>
/// <remarks>
/// Performance: members and items are gathered on one scratch stack per document, so every map and array is
/// created once at its final size; property names (a small vocabulary) are interned per thread by their UTF-8
/// bytes, so a document allocates no key strings and the algorithms' term lookups compare keys by reference.
/// </remarks>
internal static class JsonModelReader
{
    public static object? Read(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        if (!reader.Read())
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJson, "document is empty");
        }
        var stack = Stack.Rent();
        var value = ReadValue(ref reader, ref stack);
        if (reader.Read())
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJson, "document has content after the top-level value");
        }
        stack.Return();
        return value;
    }

    private static object? ReadValue(ref Utf8JsonReader reader, ref Stack stack)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                int start = stack.Count;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = ReadName(ref reader);
                    reader.Read();
                    stack.Push(key, ReadValue(ref reader, ref stack));
                }
                var map = new Dictionary<string, object?>(stack.Count - start, StringComparer.Ordinal);
                for (int i = start; i < stack.Count; i++)
                {
                    // Duplicate keys: the last one wins, as JSON.parse does.
                    map[stack.Keys[i]!] = stack.Values[i];
                }
                stack.PopTo(start);
                return map;
            }
            case JsonTokenType.StartArray:
            {
                int start = stack.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    stack.Push(null, ReadValue(ref reader, ref stack));
                }
                var list = new List<object?>(stack.Count - start);
                list.AddRange(stack.Values.AsSpan(start, stack.Count - start));
                stack.PopTo(start);
                return list;
            }
            case JsonTokenType.String:
                return ReadString(ref reader);
            case JsonTokenType.Number:
                return JsonModel.FiniteNumber(reader.GetDouble());
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // Invalid UTF-8, or an escaped lone surrogate (\ud800): not a Unicode string.
            throw new JsonLdException(JsonLdErrorCode.InvalidJson, "document holds a string that is not valid Unicode: " + e.Message, e);
        }
    }

    /// <summary>A property name, from the intern table when it is short and unescaped.</summary>
    private static string ReadName(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (reader.ValueIsEscaped || raw.Length > NameTable.MaxNameBytes)
        {
            return ReadString(ref reader);
        }
        var table = NameTable.Current;
        if (table.Find(raw, out int slot) is { } name)
        {
            return name;
        }
        Span<char> chars = stackalloc char[NameTable.MaxNameBytes];
        if (Utf8.ToUtf16(raw, chars, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return ReadString(ref reader); // invalid UTF-8: raises the error
        }
        name = new string(chars[..written]);
        table.Add(slot, raw, name);
        return name;
    }

    /// <summary>
    /// Property names interned by their UTF-8 bytes (no decoding, no string per key): one table per thread, so no
    /// locks. Bounded in entries and in probes per lookup, so hostile keys (many, or colliding) only fall back
    /// to allocating.
    /// </summary>
    private sealed class NameTable
    {
        public const int MaxNameBytes = 64;

        private const int Slots = 1024; // a power of two, filled to half at most (~100 KB per thread at worst)
        private const int MaxProbes = 8;

        [ThreadStatic]
        private static NameTable? t_current;

        private readonly byte[]?[] _utf8 = new byte[]?[Slots];
        private readonly string?[] _names = new string?[Slots];
        private int _count;

        public static NameTable Current => t_current ??= new NameTable();

        /// <summary>The interned name, or null with <paramref name="slot"/> where to add it (-1: do not add).</summary>
        public string? Find(ReadOnlySpan<byte> utf8, out int slot)
        {
            uint hash = 2166136261; // FNV-1a
            foreach (byte b in utf8)
            {
                hash = (hash ^ b) * 16777619;
            }
            int i = (int)(hash & (Slots - 1));
            for (int probe = 0; probe < MaxProbes; probe++)
            {
                var stored = _utf8[i];
                if (stored is null)
                {
                    slot = _count < Slots / 2 ? i : -1;
                    return null;
                }
                if (utf8.SequenceEqual(stored))
                {
                    slot = i;
                    return _names[i];
                }
                i = (i + 1) & (Slots - 1);
            }
            slot = -1;
            return null;
        }

        public void Add(int slot, ReadOnlySpan<byte> utf8, string name)
        {
            if (slot >= 0)
            {
                _utf8[slot] = utf8.ToArray();
                _names[slot] = name;
                _count++;
            }
        }
    }

    /// <summary>Members (key, value) or items (null, value) of the maps and arrays being read, innermost last.</summary>
    private struct Stack
    {
        private const int MaxKeptLength = 4096;

        // One pair of arrays per thread, reused by the next document (not returned when reading failed).
        [ThreadStatic]
        private static string?[]? t_keys;
        [ThreadStatic]
        private static object?[]? t_values;

        public string?[] Keys;
        public object?[] Values;
        public int Count;

        public static Stack Rent()
        {
            var stack = new Stack { Keys = t_keys ?? new string?[64], Values = t_values ?? new object?[64] };
            t_keys = null;
            t_values = null;
            return stack;
        }

        public readonly void Return()
        {
            if (Keys.Length <= MaxKeptLength)
            {
                t_keys = Keys;
                t_values = Values;
            }
        }

        public void Push(string? key, object? value)
        {
            if (Count == Keys.Length)
            {
                Array.Resize(ref Keys, Count * 2);
                Array.Resize(ref Values, Count * 2);
            }
            Keys[Count] = key;
            Values[Count++] = value;
        }

        public void PopTo(int start)
        {
            // Clear so finished values are not kept alive by the scratch arrays.
            Keys.AsSpan(start, Count - start).Clear();
            Values.AsSpan(start, Count - start).Clear();
            Count = start;
        }
    }
}
