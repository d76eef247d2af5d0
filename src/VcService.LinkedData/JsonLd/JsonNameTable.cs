using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace VcService.LinkedData.JsonLd;

/// <summary>
/// Property names interned by their UTF-8 bytes (no decoding, no string per key), for <see cref="JsonModelReader"/>:
/// one table per thread, so no locks. Bounded in entries and in probes per lookup, so hostile keys (many, or
/// colliding) only fall back to allocating.
/// </summary>
/// <remarks>
/// Performance: a lookup reads two small arrays that stay in cache: an open-addressing index (2 bytes a slot)
/// and the dense entries, which hold a name of up to 16 bytes as two words, so the common name is found by
/// comparing two words, without touching its byte array. Documents repeat their sequences of names (id, type,
/// prefLabel, …), so each entry remembers the name that followed it, and that guess is tried before hashing.
/// </remarks>
internal sealed class JsonNameTable
{
    /// <summary>Longer names are not interned.</summary>
    public const int MaxNameBytes = 64;

    private const int SlotBits = 10;
    private const int Slots = 1 << SlotBits;
    private const int MaxNames = Slots / 2; // the index at most half full (~100 KB per thread at worst)
    private const int MaxProbes = 8;
    private const ulong Multiplier = 0x9E3779B97F4A7C15; // 2^64 / golden ratio
    private const ulong OtherMultiplier = 0xC2B2AE3D27D4EB4F; // a 64-bit prime (xxHash)

    [ThreadStatic]
    private static JsonNameTable? t_current;

    private readonly short[] _index = new short[Slots]; // entry number + 1; 0: empty
    private Entry[] _entries = new Entry[64];
    private int _count;

    public static JsonNameTable Current => t_current ??= new JsonNameTable();

    /// <summary>
    /// The name for <paramref name="utf8"/> (valid UTF-8, at most <see cref="MaxNameBytes"/>; all ASCII when
    /// <paramref name="ascii"/>).
    /// </summary>
    public string Intern(ReadOnlySpan<byte> utf8, bool ascii)
    {
        ulong first = 0, last = 0;
        if (utf8.Length <= 16)
        {
            for (int i = 0; i < utf8.Length; i++)
            {
                if (i < 8)
                {
                    first |= (ulong)utf8[i] << (8 * i);
                }
                else
                {
                    last |= (ulong)utf8[i] << (8 * (i - 8));
                }
            }
        }
        else
        {
            ref byte start = ref MemoryMarshal.GetReference(utf8);
            first = Unsafe.ReadUnaligned<ulong>(ref start);
            for (int i = 8; i < utf8.Length; i += 8)
            {
                // The later words folded into one, overlapping at the end (the hash needs them; equality compares the bytes).
                last = (last ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, Math.Min(i, utf8.Length - 8)))) * Multiplier;
            }
        }
        Find(utf8, first, last, ascii, out string name);
        return name;
    }

    /// <summary>
    /// The name for <paramref name="utf8"/>, of at most 16 bytes, all ASCII, given as two words: its bytes 0-7 and
    /// 8-15, zeros past its end. With the length they determine the name, so the table compares only them.
    /// </summary>
    /// <param name="previous">
    /// The name read before this one in the document (1 + its entry, 0: none), updated: each entry remembers the name
    /// that followed it last time, and documents repeat their sequences of names, so that guess is tried first.
    /// </param>
    public string InternShortAscii(ReadOnlySpan<byte> utf8, ulong first, ulong last, ref int previous)
    {
        var entries = _entries;
        int before = previous;
        if ((uint)(before - 1) < (uint)entries.Length)
        {
            int guess = entries[before - 1].Next;
            if ((uint)(guess - 1) < (uint)entries.Length)
            {
                ref var entry = ref entries[guess - 1];
                if (entry.First == first && entry.Last == last && entry.Length == utf8.Length)
                {
                    previous = guess;
                    return entry.Name;
                }
            }
        }
        int number = Find(utf8, first, last, ascii: true, out string name) + 1;
        if (before > 0 && number > 0)
        {
            _entries[before - 1].Next = number;
        }
        previous = number;
        return name;
    }

    /// <summary>The entry of the name (added if there is room), or -1 when it is not in the table.</summary>
    private int Find(ReadOnlySpan<byte> utf8, ulong first, ulong last, bool ascii, out string name)
    {
        ulong hash = (first + (ulong)utf8.Length) * Multiplier ^ last * OtherMultiplier; // two independent products
        int slot = (int)(hash >> (64 - SlotBits));
        int free = -1;
        for (int probe = 0; probe < MaxProbes; probe++)
        {
            int number = _index[slot];
            if (number == 0)
            {
                free = slot;
                break;
            }
            ref var entry = ref _entries[number - 1];
            if (entry.First == first && entry.Last == last && entry.Length == utf8.Length
                && (utf8.Length <= 16 || utf8.SequenceEqual(entry.Utf8)))
            {
                name = entry.Name;
                return number - 1;
            }
            slot = (slot + 1) & (Slots - 1);
        }
        // Latin-1 widens bytes to chars, which for ASCII is the decoding (and the fastest).
        name = ascii ? Encoding.Latin1.GetString(utf8) : Encoding.UTF8.GetString(utf8);
        if (free < 0 || _count == MaxNames)
        {
            return -1;
        }
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }
        _entries[_count] = new Entry { First = first, Last = last, Length = utf8.Length, Utf8 = utf8.ToArray(), Name = name };
        _index[free] = (short)(_count + 1);
        return _count++;
    }

    private struct Entry
    {
        public ulong First;
        public ulong Last;
        public int Length;
        public int Next; // 1 + the entry of the name that followed this one last time; 0: none
        public byte[] Utf8;
        public string Name;
    }
}
