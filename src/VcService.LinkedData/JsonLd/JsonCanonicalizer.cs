using System.Globalization;
using System.Text;

namespace VcService.LinkedData.JsonLd;

/// <summary>
/// JSON Canonicalization Scheme (RFC 8785) over the <see cref="JsonModel"/>, as JSON-LD 1.1 §6.4 (toRdf)
/// requires for the lexical form of <c>@json</c> literals.
/// </summary>
internal static class JsonCanonicalizer
{
    public static string Canonicalize(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(FormatNumber(d)); break;
            case string s: WriteString(sb, s); break;
            case List<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Write(sb, list[i]);
                }
                sb.Append(']');
                break;
            case Dictionary<string, object?> map:
            {
                var keys = new string[map.Count];
                map.Keys.CopyTo(keys, 0);
                // RFC 8785 §3.2.3: sort by UTF-16 code units.
                Array.Sort(keys, StringComparer.Ordinal);
                sb.Append('{');
                for (var i = 0; i < keys.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    WriteString(sb, keys[i]);
                    sb.Append(':');
                    Write(sb, map[keys[i]]);
                }
                sb.Append('}');
                break;
            }
            default: throw new InvalidOperationException("unexpected JSON model value");
        }
    }

    /// <summary>RFC 8785 §3.2.2.3: ECMAScript Number.prototype.toString.</summary>
    public static string FormatNumber(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJsonLiteral, "NaN and Infinity are not JSON numbers");
        }
        if (d == 0)
        {
            return "0";
        }
        // "R" gives the shortest round-trip digits; reshape them to the ECMAScript layout.
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = d < 0;
        var s = negative ? shortest.Substring(1) : shortest;
        // Extract digits and exponent from the shortest form.
        string digits;
        int exponent; // value = 0.digits * 10^exponent  -> use n (position of decimal point)
        var ePos = s.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? s.Substring(0, ePos) : s;
        var exp = ePos >= 0 ? int.Parse(s.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa.Substring(0, dot) : mantissa;
        var fracPart = dot >= 0 ? mantissa.Substring(dot + 1) : "";
        digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - (intPart + fracPart).TrimStart('0').Length;
        exponent = intPart.Length + exp - leadingZeros; // n in ECMAScript terms
        digits = digits.TrimEnd('0');
        var k = digits.Length;
        var n = exponent;
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }
        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }
            sb.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
