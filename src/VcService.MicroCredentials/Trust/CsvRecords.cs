using System.Text;

namespace VcService.MicroCredentials.Trust;

/// <summary>One CSV record (RFC 4180) with the physical line it starts on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A small RFC 4180 reader: quoted fields with doubled quotes, delimiters and line breaks inside
/// quotes, CRLF or LF. Reports the line each record starts on so import errors can point at it.
/// </summary>
public static class CsvRecords
{
    /// <summary>Explicit limit on one field, so a missing closing quote cannot swallow the whole file unnoticed.</summary>
    public const int MaxFieldLength = 64 * 1024;

    /// <param name="firstLine">The line number of the reader's first line (2 when a header was read already).</param>
    public static IEnumerable<CsvRecord> Read(TextReader reader, char delimiter, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = firstLine;
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;
        var recordLine = firstLine;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                        inQuotes = false;
                }
                else
                {
                    if (ch == '\n')
                        line++;
                    field.Append(ch);
                }
                if (field.Length > MaxFieldLength)
                    throw new FormatException($"line {recordLine}: a field is longer than {MaxFieldLength} characters (unclosed quote?)");
                continue;
            }
            if (ch == '"' && field.Length == 0)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = true;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                    reader.Read();
                if (fieldStarted || field.Length > 0 || fields.Count > 0)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordLine, fields.ToArray());
                }
                fields.Clear();
                field.Clear();
                fieldStarted = false;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(ch);
                if (field.Length > MaxFieldLength)
                    throw new FormatException($"line {recordLine}: a field is longer than {MaxFieldLength} characters");
            }
        }
        if (inQuotes)
            throw new FormatException($"line {recordLine}: a quoted field is not closed before the end of the file");
        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }
}
