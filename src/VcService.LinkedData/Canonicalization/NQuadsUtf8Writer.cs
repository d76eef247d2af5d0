using System.Buffers;
using System.Text;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// Writes canonical N-Quads terms straight to UTF-8, with exactly the escaping of
/// <see cref="NQuadsSerializer"/> (the string writer); the W3C suite and the serializer tests
/// check both.
/// </summary>
internal static class NQuadsUtf8Writer
{
    /// <summary>ASCII written as itself in a literal: all but <c>"</c>, <c>\</c>, U+0000–U+001F and U+007F.</summary>
    private static readonly SearchValues<char> LiteralPlain = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>ASCII written as itself in an IRI: all but U+0000–U+0020 and <c>&lt;&gt;"{}|^`\</c> (U+007F is not escaped).</summary>
    private static readonly SearchValues<char> IriPlain = SearchValues.Create(
        "!#$%&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz~\u007F");

    private static ReadOnlySpan<byte> HexUpper => "0123456789ABCDEF"u8;

    /// <summary>
    /// Writes the part of a quad without blank nodes that follows its subject and the space, up to
    /// and with <c> .\n</c> (RDFC-1.0 §4.4.3 step 6 leaves such a quad as it is).
    /// </summary>
    public static void WriteAfterSubject(ByteBuffer buffer, in Quad quad)
    {
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
            // The common case, ASCII that needs no escape, narrowed to bytes in bulk (vectorized
            // search, then vectorized narrowing: the large literals of real credentials, base64
            // images and PDFs, are almost all of the output).
            int plain = text.IndexOfAnyExcept(literal ? LiteralPlain : IriPlain);
            if (plain < 0)
            {
                plain = text.Length;
            }
            Ascii.FromUtf16(text[..plain], buffer.GetSpan(plain), out int written);
            buffer.Advance(written);
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
}
