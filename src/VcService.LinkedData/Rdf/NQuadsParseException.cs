namespace VcService.LinkedData.Rdf;

/// <summary>N-Quads input that does not match the RDF 1.1 N-Quads grammar.</summary>
public sealed class NQuadsParseException : FormatException
{
    public NQuadsParseException(int line, int column, string reason)
        : base($"N-Quads parse error at line {line}, column {column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column (UTF-16 code units) of the error.</summary>
    public int Column { get; }

    /// <summary>What was wrong, without the position.</summary>
    public string Reason { get; }
}
