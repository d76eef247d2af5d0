using System.Text;

namespace VcService.LinkedData.Rdf;

/// <summary>
/// Writes quads as canonical N-Quads, the form RDFC-1.0 §3 requires for hashing and for its
/// result (https://www.w3.org/TR/rdf-canon/#canonical-quads, which defers to the canonical
/// form of RDF 1.2 N-Quads / N-Triples):
/// <list type="bullet">
/// <item>single spaces between terms, <c> .\n</c> after each quad, no comments;</item>
/// <item>literals: <c>"</c> and <c>\</c> as ECHAR, U+0008/9/A/C/D as <c>\b \t \n \f \r</c>, the
/// other controls U+0000–U+001F and U+007F as <c>\u00XX</c> (upper-case hex), every other
/// character as itself (no \u escapes for non-ASCII);</item>
/// <item><c>xsd:string</c> literals without a datatype, language-tagged strings with <c>@lang</c>;</item>
/// <item>IRIs: U+0000–U+0020 and <c>&lt;&gt;"{}|^`\</c> as <c>\u00XX</c> (these cannot occur in a valid IRI, so
/// this only keeps the output parseable).</item>
/// </list>
/// This is the escaping of the W3C test suite (rdfc10/test060) and of rdf-canonize 5.
/// </summary>
public static class NQuadsSerializer
{
    private const string HexUpper = "0123456789ABCDEF";

    /// <summary>One quad as one line, ending in <c>"\n"</c>.</summary>
    public static string Serialize(Quad quad)
    {
        var sb = new StringBuilder(128);
        AppendQuad(sb, quad);
        return sb.ToString();
    }

    /// <summary>The quads in the given order (not sorted, duplicates kept), one line each.</summary>
    public static string Serialize(IEnumerable<Quad> quads)
    {
        ArgumentNullException.ThrowIfNull(quads);
        var sb = new StringBuilder();
        foreach (var quad in quads)
        {
            AppendQuad(sb, quad);
        }
        return sb.ToString();
    }

    /// <summary>Appends one quad line (with the trailing <c> .\n</c>).</summary>
    public static void AppendQuad(StringBuilder sb, Quad quad)
    {
        AppendTerm(sb, quad.Subject);
        sb.Append(' ');
        AppendTerm(sb, quad.Predicate);
        sb.Append(' ');
        AppendTerm(sb, quad.Object);
        if (!quad.Graph.IsDefaultGraph)
        {
            sb.Append(' ');
            AppendTerm(sb, quad.Graph);
        }
        sb.Append(" .\n");
    }

    /// <summary>Appends one term in canonical N-Quads syntax.</summary>
    public static void AppendTerm(StringBuilder sb, RdfTerm term)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                AppendIri(sb, term.Value);
                break;
            case RdfTermKind.BlankNode:
                sb.Append("_:").Append(term.Value);
                break;
            case RdfTermKind.Literal:
                AppendLiteral(sb, term);
                break;
            case RdfTermKind.DefaultGraph:
                throw new ArgumentException("The default graph has no N-Quads term syntax.", nameof(term));
            default:
                throw new ArgumentOutOfRangeException(nameof(term), term.Kind, "Unknown RDF term kind.");
        }
    }

    /// <summary>Appends <c>&lt;iri&gt;</c>, escaping characters IRIREF does not allow.</summary>
    public static void AppendIri(StringBuilder sb, string iri)
    {
        sb.Append('<');
        int start = 0;
        for (int i = 0; i < iri.Length; i++)
        {
            char c = iri[i];
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                sb.Append(iri, start, i - start);
                AppendUchar(sb, c);
                start = i + 1;
            }
        }
        sb.Append(iri, start, iri.Length - start);
        sb.Append('>');
    }

    private static void AppendLiteral(StringBuilder sb, RdfTerm literal)
    {
        sb.Append('"');
        AppendEscapedString(sb, literal.Value);
        sb.Append('"');
        string datatype = literal.Datatype ?? RdfTerm.XsdString;
        if (literal.Language is { Length: > 0 } language)
        {
            // rdf:langString: the datatype is implied by the tag.
            sb.Append('@').Append(language);
        }
        else if (datatype != RdfTerm.XsdString)
        {
            sb.Append("^^");
            AppendIri(sb, datatype);
        }
    }

    /// <summary>Appends a lexical form with the canonical STRING_LITERAL_QUOTE escapes.</summary>
    public static void AppendEscapedString(StringBuilder sb, string value)
    {
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
            {
                continue;
            }
            sb.Append(value, start, i - start);
            start = i + 1;
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                default: AppendUchar(sb, c); break;
            }
        }
        sb.Append(value, start, value.Length - start);
    }

    private static void AppendUchar(StringBuilder sb, char c)
    {
        sb.Append("\\u00").Append(HexUpper[(c >> 4) & 0xF]).Append(HexUpper[c & 0xF]);
    }
}
