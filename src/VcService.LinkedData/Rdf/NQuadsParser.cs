using System.Globalization;
using System.Text;

namespace VcService.LinkedData.Rdf;

/// <summary>
/// Parser for RDF 1.1 N-Quads (https://www.w3.org/TR/n-quads/#sec-grammar): IRIREF with UCHAR,
/// blank node labels, literals with ECHAR/UCHAR, language tags and datatypes, comments, any of
/// CR/LF/CRLF as line ends. Quads are returned in document order; duplicates are kept
/// (RDFC-1.0 canonicalization treats its input as a set).
/// </summary>
public static class NQuadsParser
{
    /// <summary>Parses a whole N-Quads document.</summary>
    /// <exception cref="NQuadsParseException">The input is not N-Quads; names line and column.</exception>
    public static List<Quad> Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = new Reader(input);
        var quads = new List<Quad>();
        while (reader.SkipBlankLinesAndComments())
        {
            quads.Add(reader.ReadStatement());
        }
        return quads;
    }

    private sealed class Reader(string text)
    {
        private readonly StringBuilder _buffer = new();
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        /// <summary>Skips whitespace, comments and line ends; false at the end of input.</summary>
        public bool SkipBlankLinesAndComments()
        {
            while (_pos < text.Length)
            {
                char c = text[_pos];
                if (c is ' ' or '\t')
                {
                    _pos++;
                }
                else if (c is '\r' or '\n')
                {
                    NewLine();
                }
                else if (c == '#')
                {
                    SkipComment();
                }
                else
                {
                    return true;
                }
            }
            return false;
        }

        // statement ::= subject predicate object graphLabel? '.'
        public Quad ReadStatement()
        {
            RdfTerm subject = Peek() switch
            {
                '<' => ReadIri("subject"),
                '_' => ReadBlankNode(),
                _ => throw Error("expected an IRI or a blank node as subject"),
            };
            SkipWhitespace();
            if (Peek() != '<')
            {
                throw Error("expected an IRI as predicate");
            }
            RdfTerm predicate = ReadIri("predicate");
            SkipWhitespace();
            RdfTerm obj = Peek() switch
            {
                '<' => ReadIri("object"),
                '_' => ReadBlankNode(),
                '"' => ReadLiteral(),
                _ => throw Error("expected an IRI, a blank node or a literal as object"),
            };
            SkipWhitespace();
            RdfTerm graph = Peek() switch
            {
                '<' => ReadIri("graph label"),
                '_' => ReadBlankNode(),
                _ => RdfTerm.DefaultGraph,
            };
            SkipWhitespace();
            if (Peek() != '.')
            {
                throw Error("expected '.' at the end of the statement");
            }
            _pos++;
            SkipWhitespace();
            if (Peek() == '#')
            {
                SkipComment();
            }
            if (_pos < text.Length && text[_pos] is not ('\r' or '\n'))
            {
                throw Error("expected the end of the line after '.'");
            }
            return new Quad(subject, predicate, obj, graph);
        }

        private char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private void NewLine()
        {
            // CRLF counts as one line end; lone CR or LF each end a line.
            if (text[_pos] == '\r' && _pos + 1 < text.Length && text[_pos + 1] == '\n')
            {
                _pos++;
            }
            _pos++;
            _line++;
            _lineStart = _pos;
        }

        private void SkipComment()
        {
            while (_pos < text.Length && text[_pos] is not ('\r' or '\n'))
            {
                _pos++;
            }
        }

        private void SkipWhitespace()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t')
            {
                _pos++;
            }
        }

        // IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'
        private RdfTerm ReadIri(string role)
        {
            int start = _pos;
            _pos++; // '<'
            _buffer.Clear();
            while (true)
            {
                if (_pos >= text.Length)
                {
                    throw Error($"unterminated IRI in {role}", start);
                }
                char c = text[_pos];
                if (c == '>')
                {
                    _pos++;
                    break;
                }
                if (c == '\\')
                {
                    ReadUchar(allowEchar: false);
                    continue;
                }
                if (c <= ' ' || c is '<' or '"' or '{' or '}' or '|' or '^' or '`')
                {
                    throw Error($"character U+{(int)c:X4} is not allowed in an IRI ({role})");
                }
                _buffer.Append(c);
                _pos++;
            }
            string iri = _buffer.ToString();
            if (!HasScheme(iri))
            {
                throw Error($"IRI <{iri}> in {role} is not absolute", start);
            }
            return RdfTerm.Iri(iri);
        }

        private static bool HasScheme(string iri)
        {
            // scheme ::= ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"  (RFC 3987)
            if (iri.Length == 0 || !char.IsAsciiLetter(iri[0]))
            {
                return false;
            }
            for (int i = 1; i < iri.Length; i++)
            {
                char c = iri[i];
                if (c == ':')
                {
                    return true;
                }
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
                {
                    return false;
                }
            }
            return false;
        }

        // BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
        private RdfTerm ReadBlankNode()
        {
            if (_pos + 1 >= text.Length || text[_pos + 1] != ':')
            {
                throw Error("expected '_:' to start a blank node label");
            }
            _pos += 2;
            int start = _pos;
            int first = ReadCodePoint(out int width);
            if (first < 0 || !(IsPnCharsU(first) || first is >= '0' and <= '9'))
            {
                throw Error("invalid first character in blank node label");
            }
            _pos += width;
            int lastNonDot = _pos;
            while (_pos < text.Length)
            {
                int cp = ReadCodePoint(out width);
                if (cp == '.')
                {
                    _pos += width;
                }
                else if (cp >= 0 && IsPnChars(cp))
                {
                    _pos += width;
                    lastNonDot = _pos;
                }
                else
                {
                    break;
                }
            }
            // A label cannot end in '.': trailing dots belong to the statement.
            _pos = lastNonDot;
            return RdfTerm.Blank(text[start.._pos]);
        }

        // literal ::= STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?
        private RdfTerm ReadLiteral()
        {
            int start = _pos;
            _pos++; // '"'
            _buffer.Clear();
            while (true)
            {
                if (_pos >= text.Length || text[_pos] is '\r' or '\n')
                {
                    throw Error("unterminated string literal", start);
                }
                char c = text[_pos];
                if (c == '"')
                {
                    _pos++;
                    break;
                }
                if (c == '\\')
                {
                    ReadUchar(allowEchar: true);
                    continue;
                }
                _buffer.Append(c);
                _pos++;
            }
            string lexical = _buffer.ToString();
            if (Peek() == '^')
            {
                if (_pos + 2 >= text.Length || text[_pos + 1] != '^' || text[_pos + 2] != '<')
                {
                    throw Error("expected '^^<' before a datatype IRI");
                }
                _pos += 2;
                return RdfTerm.Literal(lexical, ReadIri("datatype").Value);
            }
            if (Peek() == '@')
            {
                return RdfTerm.Literal(lexical, language: ReadLanguageTag());
            }
            return RdfTerm.Literal(lexical);
        }

        // LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
        private string ReadLanguageTag()
        {
            _pos++; // '@'
            int start = _pos;
            while (_pos < text.Length && char.IsAsciiLetter(text[_pos]))
            {
                _pos++;
            }
            if (_pos == start)
            {
                throw Error("empty language tag");
            }
            while (_pos < text.Length && text[_pos] == '-')
            {
                _pos++;
                int subtag = _pos;
                while (_pos < text.Length && char.IsAsciiLetterOrDigit(text[_pos]))
                {
                    _pos++;
                }
                if (_pos == subtag)
                {
                    throw Error("empty language subtag");
                }
            }
            return text[start.._pos];
        }

        // UCHAR ::= '\u' HEX HEX HEX HEX | '\U' HEX{8};  ECHAR ::= '\' [tbnrf"'\]
        private void ReadUchar(bool allowEchar)
        {
            int start = _pos;
            char kind = _pos + 1 < text.Length ? text[_pos + 1] : '\0';
            if (kind is 'u' or 'U')
            {
                int digits = kind == 'u' ? 4 : 8;
                int cp = ReadHex(_pos + 2, digits, start);
                _pos += 2 + digits;
                if (cp is >= 0xD800 and <= 0xDBFF && kind == 'u'
                    && _pos + 5 < text.Length && text[_pos] == '\\' && text[_pos + 1] == 'u')
                {
                    // A surrogate pair written as two \u escapes.
                    int low = ReadHex(_pos + 2, 4, _pos);
                    if (low is >= 0xDC00 and <= 0xDFFF)
                    {
                        _pos += 6;
                        _buffer.Append((char)cp).Append((char)low);
                        return;
                    }
                }
                if (cp > 0x10FFFF || cp is >= 0xD800 and <= 0xDFFF)
                {
                    throw Error($"escape \\{kind}{cp:X} is not a Unicode scalar value", start);
                }
                _buffer.Append(char.ConvertFromUtf32(cp));
                return;
            }
            if (allowEchar)
            {
                char? unescaped = kind switch
                {
                    't' => '\t',
                    'b' => '\b',
                    'n' => '\n',
                    'r' => '\r',
                    'f' => '\f',
                    '"' => '"',
                    '\'' => '\'',
                    '\\' => '\\',
                    _ => null,
                };
                if (unescaped is char c)
                {
                    _buffer.Append(c);
                    _pos += 2;
                    return;
                }
            }
            throw Error(allowEchar ? "invalid escape sequence in string literal" : "invalid escape sequence in IRI", start);
        }

        private int ReadHex(int from, int digits, int errorAt)
        {
            if (from + digits > text.Length
                || !int.TryParse(text.AsSpan(from, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value)
                || value < 0)
            {
                throw Error($"expected {digits} hex digits in escape", errorAt);
            }
            return value;
        }

        private int ReadCodePoint(out int width)
        {
            char c = text[_pos];
            if (char.IsHighSurrogate(c) && _pos + 1 < text.Length && char.IsLowSurrogate(text[_pos + 1]))
            {
                width = 2;
                return char.ConvertToUtf32(c, text[_pos + 1]);
            }
            width = 1;
            return char.IsSurrogate(c) ? -1 : c;
        }

        // PN_CHARS_U ::= PN_CHARS_BASE | '_'  (N-Quads has no ':' here, unlike Turtle)
        private static bool IsPnCharsU(int c) => c == '_' || IsPnCharsBase(c);

        private static bool IsPnChars(int c) =>
            IsPnCharsU(c) || c == '-' || c is >= '0' and <= '9' || c == 0xB7
            || c is >= 0x300 and <= 0x36F || c is >= 0x203F and <= 0x2040;

        private static bool IsPnCharsBase(int c) =>
            c is >= 'A' and <= 'Z' or >= 'a' and <= 'z'
            or >= 0xC0 and <= 0xD6 or >= 0xD8 and <= 0xF6 or >= 0xF8 and <= 0x2FF
            or >= 0x370 and <= 0x37D or >= 0x37F and <= 0x1FFF or >= 0x200C and <= 0x200D
            or >= 0x2070 and <= 0x218F or >= 0x2C00 and <= 0x2FEF or >= 0x3001 and <= 0xD7FF
            or >= 0xF900 and <= 0xFDCF or >= 0xFDF0 and <= 0xFFFD or >= 0x10000 and <= 0xEFFFF;

        private NQuadsParseException Error(string reason, int? at = null)
        {
            int pos = at ?? _pos;
            return new NQuadsParseException(_line, pos - _lineStart + 1, reason);
        }
    }
}
