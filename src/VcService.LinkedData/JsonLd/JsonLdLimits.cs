namespace VcService.LinkedData.JsonLd;

/// <summary>Explicit limits on JSON-LD processing (STYLE §5); exceeding one raises a <see cref="JsonLdException"/>.</summary>
public sealed class JsonLdLimits
{
    public static readonly JsonLdLimits Default = new();

    /// <summary>Maximum size of a raw JSON document in bytes (code "document too large").</summary>
    public int MaxDocumentBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Maximum JSON nesting depth of a document (code "document too deep").</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Maximum nesting of context processing (scoped / imported / remote contexts; code "context overflow").</summary>
    public int MaxContextDepth { get; init; } = 32;

    /// <summary>Maximum number of remote contexts dereferenced while processing one document (code "context overflow").</summary>
    public int MaxRemoteContexts { get; init; } = 32;
}
