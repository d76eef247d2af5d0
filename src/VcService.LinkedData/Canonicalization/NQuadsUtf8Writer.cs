using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// Writes canonical N-Quads terms straight to UTF-8, with exactly the escaping of
/// <see cref="NQuadsSerializer"/> (the string writer); the W3C suite and the serializer tests
/// check both.
/// </summary>
internal static class NQuadsUtf8Writer
{
    private static ReadOnlySpan<byte> HexUpper => "0123456789ABCDEF"u8;

    /// <summary>
    /// Writes a quad without blank nodes as one canonical N-Quads line, <c> .\n</c> included
    /// (RDFC-1.0 §4.4.3 step 6 leaves such a quad as it is).
    /// </summary>
    public static void WriteQuad(ByteBuffer buffer, in Quad quad)
    {
        WriteIri(buffer, quad.Subject.Value);
        buffer.Add((byte)' ');
        WriteIri(buffer, quad.Predicate.Value);
        buffer.Add((byte)' ');
        WriteTerm(buffer, quad.Object);
        if (!quad.Graph.IsDefaultGraph)
        {
            buffer.Add((byte)' ');
            WriteIri(buffer, quad.Graph.Value);
        }
        buffer.Add(" .\n"u8);
    }

    /// <summary>Writes a non-blank term (IRI or literal).</summary>
    public static void WriteTerm(ByteBuffer buffer, RdfTerm term)
    {
        if (term.Kind == RdfTermKind.Iri)
        {
            WriteIri(buffer, term.Value);
            return;
        }
        if (term.Kind != RdfTermKind.Literal)
        {
            throw new ArgumentException($"term kind {term.Kind} is not written by value", nameof(term));
        }
        buffer.Add((byte)'"');
        WriteEscaped(buffer, term.Value, literal: true);
        buffer.Add((byte)'"');
        if (term.Language is { Length: > 0 } language)
        {
            buffer.Add((byte)'@');
            buffer.AddUtf8(language);
        }
        else if (term.Datatype is { } datatype && datatype != RdfTerm.XsdString)
        {
            buffer.Add("^^"u8);
            WriteIri(buffer, datatype);
        }
    }

    public static void WriteIri(ByteBuffer buffer, string iri)
    {
        buffer.Add((byte)'<');
        WriteEscaped(buffer, iri, literal: false);
        buffer.Add((byte)'>');
    }

    private static void WriteEscaped(ByteBuffer buffer, ReadOnlySpan<char> text, bool literal)
    {
        while (true)
        {
            // The common case, ASCII that needs no escape, narrowed to bytes in bulk. The UTF-8
            // form is never shorter than the text, so this reserves nothing that is not needed.
            int plain = CopyPlain(text, buffer.GetSpan(text.Length), literal);
            buffer.Advance(plain);
            text = text[plain..];
            if (text.IsEmpty)
            {
                return;
            }
            char c = text[0];
            if (c >= 0x80)
            {
                // Non-ASCII is written as itself; a whole run at once, so surrogate pairs stay together.
                int run = text.IndexOfAnyInRange('\0', '\u007F');
                if (run < 0)
                {
                    run = text.Length;
                }
                buffer.AddUtf8(text[..run]);
                text = text[run..];
                continue;
            }
            ReadOnlySpan<byte> echar = !literal ? default : c switch
            {
                '"' => "\\\""u8,
                '\\' => "\\\\"u8,
                '\b' => "\\b"u8,
                '\t' => "\\t"u8,
                '\n' => "\\n"u8,
                '\f' => "\\f"u8,
                '\r' => "\\r"u8,
                _ => default,
            };
            if (!echar.IsEmpty)
            {
                buffer.Add(echar);
            }
            else
            {
                buffer.Add("\\u00"u8);
                buffer.Add(HexUpper[(c >> 4) & 0xF]);
                buffer.Add(HexUpper[c & 0xF]);
            }
            text = text[1..];
        }
    }

    /// <summary>
    /// Copies the longest prefix of <paramref name="text"/> that is written as itself and is ASCII,
    /// one byte per character, to <paramref name="destination"/> (at least as long as the text);
    /// returns its length. One pass that checks and narrows, vectorized: the large literals of real
    /// credentials (base64 images and PDFs) are almost all of the output.
    /// </summary>
    private static int CopyPlain(ReadOnlySpan<char> text, Span<byte> destination, bool literal)
    {
        int i = 0;
        ref ushort source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ref byte target = ref MemoryMarshal.GetReference(destination);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= text.Length - 32; i += 32)
            {
                var low = Vector256.LoadUnsafe(ref source, (nuint)i);
                var high = Vector256.LoadUnsafe(ref source, (nuint)(i + 16));
                if ((NeedsWork(low, literal) | NeedsWork(high, literal)) != Vector256<ushort>.Zero)
                {
                    break;
                }
                Vector256.Narrow(low, high).StoreUnsafe(ref target, (nuint)i);
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= text.Length - 16; i += 16)
            {
                var low = Vector128.LoadUnsafe(ref source, (nuint)i);
                var high = Vector128.LoadUnsafe(ref source, (nuint)(i + 8));
                if ((NeedsWork(low, literal) | NeedsWork(high, literal)) != Vector128<ushort>.Zero)
                {
                    break;
                }
                Vector128.Narrow(low, high).StoreUnsafe(ref target, (nuint)i);
            }
        }
        int mask = literal ? PlainInLiteral : PlainInIri;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= 0x80 || (Plain[c] & mask) == 0)
            {
                break;
            }
            destination[i] = (byte)c;
        }
        return i;
    }

    private const int PlainInLiteral = 1, PlainInIri = 2;

    /// <summary>
    /// ASCII characters written as themselves: in literals (bit 1) all but <c>"</c>, <c>\</c>, U+0000–U+001F
    /// and U+007F; in IRIs (bit 2) all but U+0000–U+0020 and &lt;&gt;"{}|^`\ (U+007F is not escaped).
    /// </summary>
    private static ReadOnlySpan<byte> Plain =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 3, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 3, 1, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3, 1, 3,
        1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 1, 3, 2,
    ];

    // The vector forms of Plain: all-ones lanes for characters that are not ASCII or must be escaped.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> NeedsWork(Vector256<ushort> c, bool literal) => literal
        ? Vector256.GreaterThanOrEqual(c - Vector256.Create((ushort)0x20), Vector256.Create((ushort)0x5F))
            | Vector256.Equals(c, Vector256.Create((ushort)'"'))
            | Vector256.Equals(c, Vector256.Create((ushort)'\\'))
        : Vector256.GreaterThanOrEqual(c - Vector256.Create((ushort)0x21), Vector256.Create((ushort)0x5F))
            | Vector256.LessThan(c - Vector256.Create((ushort)'{'), Vector256.Create((ushort)3)) // { | }
            | Vector256.Equals(c, Vector256.Create((ushort)'<'))
            | Vector256.Equals(c, Vector256.Create((ushort)'>'))
            | Vector256.Equals(c, Vector256.Create((ushort)'"'))
            | Vector256.Equals(c, Vector256.Create((ushort)'^'))
            | Vector256.Equals(c, Vector256.Create((ushort)'`'))
            | Vector256.Equals(c, Vector256.Create((ushort)'\\'));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> NeedsWork(Vector128<ushort> c, bool literal) => literal
        ? Vector128.GreaterThanOrEqual(c - Vector128.Create((ushort)0x20), Vector128.Create((ushort)0x5F))
            | Vector128.Equals(c, Vector128.Create((ushort)'"'))
            | Vector128.Equals(c, Vector128.Create((ushort)'\\'))
        : Vector128.GreaterThanOrEqual(c - Vector128.Create((ushort)0x21), Vector128.Create((ushort)0x5F))
            | Vector128.LessThan(c - Vector128.Create((ushort)'{'), Vector128.Create((ushort)3)) // { | }
            | Vector128.Equals(c, Vector128.Create((ushort)'<'))
            | Vector128.Equals(c, Vector128.Create((ushort)'>'))
            | Vector128.Equals(c, Vector128.Create((ushort)'"'))
            | Vector128.Equals(c, Vector128.Create((ushort)'^'))
            | Vector128.Equals(c, Vector128.Create((ushort)'`'))
            | Vector128.Equals(c, Vector128.Create((ushort)'\\'));
}
