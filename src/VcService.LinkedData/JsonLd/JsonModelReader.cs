using System.Text.Json;

namespace VcService.LinkedData.JsonLd;

/// <summary>
/// Reads UTF-8 JSON straight into the <see cref="JsonModel"/> with a <see cref="Utf8JsonReader"/> (one pass, no
/// intermediate DOM); the reader enforces the depth limit.
/// </summary>
internal static class JsonModelReader
{
    public static object? Read(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        if (!reader.Read())
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJson, "document is empty");
        }
        var value = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonLdException(JsonLdErrorCode.InvalidJson, "document has content after the top-level value");
        }
        return value;
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    // Duplicate keys: the last one wins, as JSON.parse does.
                    map[key] = ReadValue(ref reader);
                }
                return map;
            }
            case JsonTokenType.StartArray:
            {
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader));
                }
                return list;
            }
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
    }
}
