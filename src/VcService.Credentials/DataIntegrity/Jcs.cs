using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// JSON Canonicalization Scheme, RFC 8785 (https://www.rfc-editor.org/rfc/rfc8785): whitespace-free
/// serialization, object members sorted by UTF-16 code units, numbers as ECMAScript
/// <c>Number.prototype.toString</c>, minimal string escaping. Throws <see cref="FormatException"/>
/// for values I-JSON does not allow (non-finite numbers, lone surrogates).
/// </summary>
public static class Jcs
{
    /// <summary>Explicit limit: nesting deeper than this is refused (hostile documents).</summary>
    public const int MaxDepth = 256;

    public static string Canonicalize(JsonNode? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    /// <summary>The canonical form as UTF-8 bytes (§3.2.4: the output is UTF-8).</summary>
    public static byte[] CanonicalizeToUtf8(JsonNode? value) => Encoding.UTF8.GetBytes(Canonicalize(value));

    private static void Write(StringBuilder sb, JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"JSON nests deeper than {MaxDepth}");
        }
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
            {
                // §3.2.3: sort member names by their UTF-16 code units (ordinal comparison).
                var names = new List<string>(obj.Count);
                foreach (var member in obj)
                {
                    names.Add(member.Key);
                }
                names.Sort(StringComparer.Ordinal);
                sb.Append('{');
                for (var i = 0; i < names.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    WriteString(sb, names[i]);
                    sb.Append(':');
                    Write(sb, obj[names[i]], depth + 1);
                }
                sb.Append('}');
                break;
            }
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Write(sb, array[i], depth + 1);
                }
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            case JsonValueKind.String:
                WriteString(sb, ReadString(value));
                break;
            case JsonValueKind.Number:
                // §3.2.2.3: numbers are IEEE 754 doubles; the source text is read as such.
                var text = value.ToJsonString();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    throw new FormatException($"number '{text}' is not representable as an IEEE 754 double");
                }
                sb.Append(SerializeNumber(d));
                break;
            default:
                throw new FormatException($"unsupported JSON value kind {value.GetValueKind()}");
        }
    }

    private static string ReadString(JsonValue value)
    {
        try
        {
            return value.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(value.ToJsonString())!;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape a lone surrogate ("\ud800").
            throw new FormatException("string contains a lone surrogate");
        }
    }

    /// <summary>
    /// ECMAScript Number::toString(x) (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3 requires:
    /// the shortest digits that round-trip, laid out by the position n of the decimal point.
    /// </summary>
    public static string SerializeNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new FormatException("NaN and Infinity are not JSON numbers");
        }
        // Step 2: +0 and -0 both serialize as "0".
        if (value == 0)
        {
            return "0";
        }
        var sb = new StringBuilder();
        // Step 3: negative numbers are "-" followed by the serialization of -x.
        if (value < 0)
        {
            sb.Append('-');
            value = -value;
        }
        // Step 5: k digits s and exponent n with value = s × 10^(n−k), k as small as possible.
        // .NET's "E16" is not shortest; "R" is (round-trip shortest since .NET Core 3.0).
        var (digits, n) = ShortestDigits(value);
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            // Step 6: the k digits followed by n−k zeros.
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            // Step 7: the first n digits, '.', the remaining k−n digits.
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            // Step 8: "0." followed by −n zeros and the k digits.
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            // Steps 9-10: exponential notation d[.ddd]e±(n−1).
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }
            var e = n - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>The shortest round-trip digits (no leading/trailing zeros) and the decimal-point position n.</summary>
    private static (string Digits, int N) ShortestDigits(double positive)
    {
        var r = positive.ToString("R", CultureInfo.InvariantCulture);
        var ePos = r.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? r[..ePos] : r;
        var exponent = ePos >= 0 ? int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.');
        var integerPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var all = dot >= 0 ? integerPart + mantissa[(dot + 1)..] : integerPart;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, integerPart.Length + exponent - leadingZeros);
    }

    /// <summary>§3.2.2.2: strings with only the mandatory escapes, control characters as \u00xx (lowercase hex).</summary>
    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
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
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // §3.2.2.2 / I-JSON: strings must be valid Unicode.
                        throw new FormatException("string contains a lone surrogate");
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
