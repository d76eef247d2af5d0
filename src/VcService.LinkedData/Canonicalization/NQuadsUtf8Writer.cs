using System.Buffers;
using VcService.LinkedData.Rdf;

namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// Writes canonical N-Quads terms straight to UTF-8, with exactly the escaping of
/// <see cref="NQuadsSerializer"/> (the string writer); the W3C suite and the serializer tests
/// check both.
/// </summary>
internal static class NQuadsUtf8Writer
{
    private static readonly SearchValues<char> LiteralSpecial = SearchValues.Create(
        "\"\\\u007F\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static readonly SearchValues<char> IriSpecial = SearchValues.Create(
        "<>\"{}|^`\\ \u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

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
        WriteEscaped(buffer, term.Value, LiteralSpecial);
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
        WriteEscaped(buffer, iri, IriSpecial);
        buffer.Add((byte)'>');
    }

    private static void WriteEscaped(ByteBuffer buffer, ReadOnlySpan<char> text, SearchValues<char> special)
    {
        bool literal = special == LiteralSpecial;
        while (true)
        {
            int i = text.IndexOfAny(special);
            if (i < 0)
            {
                buffer.AddUtf8(text);
                return;
            }
            // Special characters are ASCII, so slicing here never splits a surrogate pair.
            buffer.AddUtf8(text[..i]);
            char c = text[i];
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
            text = text[(i + 1)..];
        }
    }
}
