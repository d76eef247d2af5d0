using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using VcService.LinkedData.JsonLd;

namespace VcService.LinkedData.Tests.JsonLd;

/// <summary>
/// The UTF-8 JSON reader (<see cref="JsonModelReader"/>) against System.Text.Json, which it replaced: it must accept
/// exactly what <c>Utf8JsonReader</c> accepts (RFC 8259, no extensions), give the same model, and reject the rest
/// with a <see cref="JsonLdException"/> that says what and where.
/// </summary>
public sealed class JsonModelReaderTests
{
    private const int MaxDepth = 64;

    /// <summary>Malformed JSON, and what the error must say.</summary>
    public static TheoryData<string, string> MalformedInputs() => new()
    {
        { "", "the document is empty" },
        { "  \r\n\t ", "the document is empty" },
        { "{", "expected a property name, found the end of the document" },
        { "[", "expected a value, found the end of the document" },
        { "[1,]", "trailing comma" },
        { "{\"a\":1,}", "trailing comma" },
        { "[,1]", "expected a value, found ','" },
        { "{,}", "expected a property name, found ','" },
        { "{\"a\" 1}", "expected ':' after a property name, found '1'" },
        { "{\"a\":1 \"b\":2}", "expected ',' or '}' after a property value" },
        { "[1 2]", "expected ',' or ']' after an array item" },
        { "{a:1}", "expected a property name, found 'a'" },
        { "{'a':1}", "expected a property name, found '''" },
        { "['a']", "expected a value, found '''" },
        { "{} {}", "content after the top-level value" },
        { "1 2", "content after the top-level value" },
        { "[1]]", "content after the top-level value" },
        { "/* c */ 1", "expected a value, found '/'" },
        { "[1 // c\n]", "expected ',' or ']' after an array item, found '/'" },
        { "\uFEFF{}", "expected a value, found '0xEF'" },
        { "tru", "invalid literal (expected 'true')" },
        { "[nul]", "invalid literal (expected 'null')" },
        { "[True]", "expected a value, found 'T'" },
        { "[NaN]", "expected a value, found 'N'" },
        { "[Infinity]", "expected a value, found 'I'" },
        { "[truex]", "expected ',' or ']' after an array item, found 'x'" },
        { "01", "a number with a leading zero" },
        { "[-01]", "a number with a leading zero" },
        { "[00]", "a number with a leading zero" },
        { "[-]", "a number without digits" },
        { "[-a]", "a number without digits" },
        { "[+1]", "expected a value, found '+'" },
        { "[.5]", "expected a value, found '.'" },
        { "[1.]", "a number without digits after the decimal point" },
        { "[1.e5]", "a number without digits after the decimal point" },
        { "[1e]", "a number without digits in its exponent" },
        { "[1e+]", "a number without digits in its exponent" },
        { "[0x10]", "expected ',' or ']' after an array item, found 'x'" },
        { "[1e400]", "number outside the range of a double" },
        { "[-1e400]", "number outside the range of a double" },
        { "[1.8e308]", "number outside the range of a double" },
        { "\"abc", "an unterminated string" },
        { "[\"abc\\", "an unterminated string" },
        { "[\"a\tb\"]", "a control character (U+0009) in a string" },
        { "[\"a\nb\"]", "a control character (U+000A) in a string" },
        { "[\"a\u0000b\"]", "a control character (U+0000) in a string" },
        { "{\"a\u001Fb\":1}", "a control character (U+001F) in a string" },
        { "[\"\\x41\"]", "an invalid escape sequence '\\x'" },
        { "[\"\\'\"]", "an invalid escape sequence '\\''" },
        { "[\"\\U0041\"]", "an invalid escape sequence '\\U'" },
        { "[\"\\u41\"]", "an invalid \\u escape" },
        { "[\"\\u00G1\"]", "an invalid \\u escape" },
        { "[\"\\ud800\"]", "the escape \\uD800 is a lone surrogate" },
        { "[\"\\udc00\"]", "the escape \\uDC00 is a lone surrogate" },
        { "[\"\\ud800\\u0041\"]", "the escape \\uD800 is a lone surrogate" },
        { "[\"\\ud800x\\udc00\"]", "the escape \\uD800 is a lone surrogate" },
        { "{\"\\udfff\":1}", "the escape \\uDFFF is a lone surrogate" },
        { "[1]\u0000", "content after the top-level value" },
        { "[\u000B1]", "expected a value, found '0x0B'" },
        { "[\u00A01]", "expected a value, found '0xC2'" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void MalformedInputIsRejectedWithAClearMessage(string json, string expected)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var e = FluentActions.Invoking(() => Parse(utf8)).Should().Throw<JsonLdException>().Which;
        e.Code.Should().Be(JsonLdErrorCode.InvalidJson);
        e.Message.Should().Contain(expected).And.MatchRegex(@"at byte \d+ \(line \d+, column \d+\)");
        OracleRejects(utf8).Should().BeTrue("System.Text.Json rejects it too");
    }

    /// <summary>Bytes that are not UTF-8, in a value and in a key.</summary>
    public static TheoryData<byte[]> InvalidUtf8Inputs()
    {
        byte[][] sequences =
        [
            [0xC3, 0x28], // a lead byte without its continuation
            [0x80], // a lone continuation byte
            [0xC0, 0xAF], // an overlong encoding of '/'
            [0xE0, 0x80, 0xAF], // an overlong three-byte encoding
            [0xED, 0xA0, 0x80], // an encoded surrogate (U+D800)
            [0xF4, 0x90, 0x80, 0x80], // beyond U+10FFFF
            [0xFF],
            [0xE2, 0x82], // truncated before the closing quote
        ];
        var data = new TheoryData<byte[]>();
        foreach (var sequence in sequences)
        {
            data.Add([.. "[\"a"u8, .. sequence, .. "b\"]"u8]);
            data.Add([.. "{\""u8, .. sequence, .. "\":1}"u8]);
            data.Add([.. "[\"\\n"u8, .. sequence, .. "\"]"u8]); // the escaped path
            data.Add([.. "{\"a\":[\"0123456789abcdef0123456789"u8, .. sequence, .. "\"]}"u8]); // past the first vector
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8Inputs))]
    public void InvalidUtf8IsRejected(byte[] utf8)
    {
        var e = FluentActions.Invoking(() => Parse(utf8)).Should().Throw<JsonLdException>().Which;
        e.Code.Should().Be(JsonLdErrorCode.InvalidJson);
        e.Message.Should().Contain("not valid Unicode: invalid UTF-8 at byte");
        OracleRejects(utf8).Should().BeTrue("System.Text.Json rejects it too");
    }

    /// <summary>Valid JSON that exercises the reader's paths: escapes, surrogate pairs, non-ASCII, numbers at the edges.</summary>
    public static TheoryData<string> ValidTrickyInputs() =>
    [
        "0", "-0", "-0.0", "0e0", "-0E-0", "1", "-1", "123456789012345", "1234567890123456", "12345678901234567890",
        "9007199254740993", "-9007199254740993", "1e308", "1.7976931348623157e308", "-1.7976931348623157E+308",
        "5e-324", "4.9e-324", "2e-324", "1e-400", "-1e-400", "0.1", "0.30000000000000004", "1.5e-7", "123.456e-3",
        "2.2250738585072011e-308", "2.2250738585072014E-308", "1E+2", "1e-2", "100000000000000000000000000000000000001",
        "0." + new string('0', 400) + "1", "1" + new string('0', 300), "3." + new string('1', 800) + "e-5",
        "true", "false", "null", "\"\"", "[]", "{}", "[[]]", "[{}]", "{\"\":\"\"}",
        "\"plain ascii\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0000\\u001f\\u0041\\u00e9\\u20AC\\uFFFF\"",
        "\"\\ud83d\\ude00 and \\uD834\\uDD1E\"", "\"😀 é € 𝄞 日本語\"", "\"\u007F\"", "\"a\\u0022b\"",
        "{\"é\":1,\"日本\":2,\"😀\":3}", "{\"\\u0061\":1,\"a\\nb\":2}",
        "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":{\"x\":1},\"a\":[2]}",
        " \t\r\n{ \"a\" : [ 1 , 2 , { } , [ ] ] , \"b\" : null } \r\n\t ",
        "[\"" + new string('x', 15) + "\",\"" + new string('y', 16) + "\",\"" + new string('z', 17) + "\"]",
        "{\"" + new string('k', 15) + "\":1,\"" + new string('k', 16) + "\":2,\"" + new string('k', 17) + "\":3,\"" + new string('k', 64) + "\":4,\"" + new string('k', 65) + "\":5}",
        "\"" + new string('b', 5000) + "\\n" + new string('c', 70) + "é\"",
        "[{\"a\":1,\"b\":2},{\"a\":1,\"c\":3},{\"a\":1,\"b\":2,\"bb\":4},{\"b\":0,\"a\":1},{\"a\\u0062\":5,\"b\":6}]", // guessed next names
        "[" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"{{\"id\":{i},\"type\":\"T{i % 7}\"}}")) + "]",
    ];

    [Theory]
    [MemberData(nameof(ValidTrickyInputs))]
    public void ValidInputGivesWhatSystemTextJsonGives(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        AssertSameModel(Parse(utf8), Oracle(utf8));
    }

    [Fact]
    public void NegativeZeroKeepsItsSign()
    {
        double.IsNegative((double)Parse("-0"u8.ToArray())!).Should().BeTrue();
        double.IsNegative((double)Parse("-0.0e5"u8.ToArray())!).Should().BeTrue();
        double.IsNegative((double)Parse("0"u8.ToArray())!).Should().BeFalse();
    }

    [Fact]
    public void DuplicateKeysKeepTheFirstPositionAndTheLastValue()
    {
        var map = (Dictionary<string, object?>)Parse("{\"a\":1,\"b\":2,\"a\":3}"u8.ToArray())!;
        map.Keys.Should().Equal("a", "b");
        map["a"].Should().Be(3.0);
    }

    [Theory]
    [InlineData('[')]
    [InlineData('{')]
    public void NestingIsLimitedAsUtf8JsonReaderLimitsIt(char open)
    {
        // MaxDepth + 1 nested maps or arrays are read (Utf8JsonReader with MaxDepth = MaxDepth + 1); one more is too deep.
        string Nest(int levels) => open == '['
            ? new string('[', levels) + "1" + new string(']', levels)
            : string.Concat(Enumerable.Repeat("{\"a\":", levels - 1)) + "{}" + new string('}', levels - 1);
        var atLimit = Encoding.UTF8.GetBytes(Nest(MaxDepth + 1));
        AssertSameModel(Parse(atLimit), Oracle(atLimit));

        var tooDeep = Encoding.UTF8.GetBytes(Nest(MaxDepth + 2));
        var e = FluentActions.Invoking(() => Parse(tooDeep)).Should().Throw<JsonLdException>().Which;
        e.Code.Should().Be(JsonLdErrorCode.DocumentTooDeep);
        int innermost = Enumerable.Range(0, tooDeep.Length).Where(i => tooDeep[i] == open).ElementAt(MaxDepth + 1);
        e.Message.Should().Contain($"MaxDepth limit ({MaxDepth}) at byte {innermost} ");
        OracleRejects(tooDeep).Should().BeTrue();
    }

    [Fact]
    public void DeepNestingBeyondAnyStackIsRejectedNotCrashing()
    {
        var json = Encoding.UTF8.GetBytes(new string('[', 200_000) + new string(']', 200_000));
        FluentActions.Invoking(() => Parse(json)).Should().Throw<JsonLdException>().Which.Code.Should().Be(JsonLdErrorCode.DocumentTooDeep);
        // A limit that allows it: the reader keeps its own stack, so it does not overflow the thread's.
        var model = JsonModelReader.Read(json, maxDepth: 200_000);
        model.Should().BeOfType<List<object?>>();
    }

    [Fact]
    public void ErrorsNameTheLineAndColumn()
    {
        var e = FluentActions.Invoking(() => Parse("{\n  \"a\": 1,\n  \"b\": tru\n}"u8.ToArray())).Should().Throw<JsonLdException>().Which;
        e.Message.Should().Contain("at byte 19 (line 3, column 8)");
    }

    [Fact]
    public void NumbersMatchUtf8JsonReaderGetDouble()
    {
        var random = new Random(20261201);
        var failures = new List<string>();
        for (int i = 0; i < 20_000; i++)
        {
            string text = RandomNumber(random);
            var utf8 = Encoding.ASCII.GetBytes(text);
            var reader = new Utf8JsonReader(utf8);
            reader.Read();
            if (!reader.TryGetDouble(out double expected) || !double.IsFinite(expected))
            {
                FluentActions.Invoking(() => Parse(utf8)).Should().Throw<JsonLdException>(text);
                continue;
            }
            double actual = (double)Parse(utf8)!;
            if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected))
            {
                failures.Add($"{text}: {actual:R} != {expected:R}");
            }
        }
        failures.Should().BeEmpty();
    }

    [Fact]
    public void PropertyNamesAreInternedAcrossDocuments()
    {
        // On a thread of its own: the table is per thread and bounded, and other tests fill it with random names.
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var first = (Dictionary<string, object?>)Parse("{\"id\":0,\"credentialSubject\":1,\"a-name-longer-than-sixteen-bytes\":2,\"é\":3}"u8.ToArray())!;
                var second = (Dictionary<string, object?>)((List<object?>)Parse("[{\"é\":0,\"a-name-longer-than-sixteen-bytes\":1,\"credentialSubject\":2,\"id\":3}]"u8.ToArray())!)[0]!;
                foreach (var key in first.Keys)
                {
                    ReferenceEquals(key, second.Keys.Single(k => k == key)).Should().BeTrue(key);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        failure.Should().BeNull();
    }

    [Fact]
    public void MutatedDocumentsAreReadAsSystemTextJsonReadsThem()
    {
        // Differential fuzzing: byte-level mutations of real documents must be accepted or rejected as System.Text.Json
        // does, and read to the same model when accepted.
        var random = new Random(20261201);
        var files = Directory.GetFiles(Path.Combine(W3cTestDocumentLoader.SuiteDir, "expand"), "*-in.jsonld").Order().Take(150).ToArray();
        byte[] alphabet = "{}[]\",:\\/ -+.0123456789eEtrufalsn\t\r\nu\u00e9"u8.ToArray();
        var failures = new List<string>();
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            for (int k = 0; k < 40; k++)
            {
                var bytes = original.ToList();
                for (int m = random.Next(1, 4); m > 0 && bytes.Count > 0; m--)
                {
                    int at = random.Next(bytes.Count);
                    switch (random.Next(5))
                    {
                        case 0: bytes.RemoveAt(at); break;
                        case 1: bytes.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                        case 2: bytes[at] = alphabet[random.Next(alphabet.Length)]; break;
                        case 3: bytes[at] = (byte)random.Next(256); break;
                        default: bytes.RemoveRange(at, bytes.Count - at); break;
                    }
                }
                var utf8 = bytes.ToArray();
                object? expected;
                try
                {
                    expected = Oracle(utf8);
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or JsonLdException)
                {
                    if (!Rejects(utf8))
                    {
                        failures.Add($"accepted what System.Text.Json rejects ({e.Message}): {Encoding.UTF8.GetString(utf8)}");
                    }
                    continue;
                }
                try
                {
                    AssertSameModel(Parse(utf8), expected);
                }
                catch (Exception e)
                {
                    failures.Add($"{e.GetType().Name} {e.Message}: {Encoding.UTF8.GetString(utf8)}");
                }
            }
        }
        failures.Should().BeEmpty();
    }

    private static object? Parse(byte[] utf8) => JsonModelReader.Read(utf8, MaxDepth);

    private static bool Rejects(byte[] utf8)
    {
        try
        {
            Parse(utf8);
            return false;
        }
        catch (JsonLdException)
        {
            return true;
        }
    }

    private static bool OracleRejects(byte[] utf8)
    {
        try
        {
            Oracle(utf8);
            return false;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or JsonLdException)
        {
            return true;
        }
    }

    /// <summary>What the reader gave before: System.Text.Json with MaxDepth + 1, strings and numbers as it reads them.</summary>
    private static object? Oracle(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        return Convert(document.RootElement);
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal), (map, p) =>
        {
            map[p.Name] = Convert(p.Value);
            return map;
        }),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => JsonModel.FiniteNumber(element.GetDouble()),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Same types, same keys in the same order, numbers bit for bit (so -0 differs from 0).</summary>
    private static void AssertSameModel(object? actual, object? expected, string path = "$")
    {
        switch (expected)
        {
            case Dictionary<string, object?> map:
                var actualMap = actual.Should().BeOfType<Dictionary<string, object?>>(path).Subject;
                actualMap.Comparer.Should().BeSameAs(map.Comparer, path);
                actualMap.Keys.Should().Equal(map.Keys, path);
                foreach (var (key, value) in map)
                {
                    AssertSameModel(actualMap[key], value, path + "." + key);
                }
                break;
            case List<object?> list:
                var actualList = actual.Should().BeOfType<List<object?>>(path).Subject;
                actualList.Should().HaveCount(list.Count, path);
                for (int i = 0; i < list.Count; i++)
                {
                    AssertSameModel(actualList[i], list[i], $"{path}[{i}]");
                }
                break;
            case double number:
                BitConverter.DoubleToInt64Bits(actual.Should().BeOfType<double>(path).Subject)
                    .Should().Be(BitConverter.DoubleToInt64Bits(number), $"{path}: {number.ToString("R", CultureInfo.InvariantCulture)}");
                break;
            case null:
                actual.Should().BeNull(path);
                break;
            default:
                actual.Should().BeOfType(expected.GetType(), path).And.Be(expected, path);
                break;
        }
    }

    /// <summary>Digits without a leading zero (unless <paramref name="leadingZero"/>); "0" for none.</summary>
    private static void AppendDigits(StringBuilder text, Random random, int count, bool leadingZero = false)
    {
        if (count == 0)
        {
            text.Append('0');
            return;
        }
        text.Append((char)((leadingZero ? '0' : '1') + random.Next(leadingZero ? 10 : 9)));
        for (int i = 1; i < count; i++)
        {
            // Runs of zeros and nines make halfway and carry cases.
            text.Append(random.Next(4) switch { 0 => '0', 1 => '9', _ => (char)('0' + random.Next(10)) });
        }
    }

    private static string RandomNumber(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                // A random double, written as .NET round-trips it.
                double value = BitConverter.Int64BitsToDouble(random.NextInt64());
                return double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "1e999";
            case 1:
                return (random.NextDouble() * Math.Pow(10, random.Next(-30, 30))).ToString("G17", CultureInfo.InvariantCulture);
            default:
                // Random digits: long mantissas, halfway cases, exponents near the edges.
                var text = new StringBuilder();
                if (random.Next(2) == 0)
                {
                    text.Append('-');
                }
                AppendDigits(text, random, random.Next(5) == 0 ? 0 : random.Next(1, random.Next(4) == 0 ? 400 : 20));
                if (random.Next(2) == 0)
                {
                    AppendDigits(text.Append('.'), random, random.Next(1, random.Next(4) == 0 ? 400 : 20), leadingZero: true);
                }
                if (random.Next(2) == 0)
                {
                    text.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "+", 1 => "-", _ => "" });
                    text.Append(random.Next(0, 400).ToString(CultureInfo.InvariantCulture));
                }
                return text.ToString();
        }
    }
}
