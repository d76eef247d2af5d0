namespace VcService.LinkedData.JsonLd;

/// <summary>A JSON-LD processing error; <see cref="Code"/> is a <see cref="JsonLdErrorCode"/> constant.</summary>
public sealed class JsonLdException : Exception
{
    public JsonLdException(string code, string message) : base(code + ": " + message) => Code = code;

    public JsonLdException(string code, string message, Exception inner) : base(code + ": " + message, inner) => Code = code;

    /// <summary>The spec error code (e.g. "invalid @id value").</summary>
    public string Code { get; }
}
