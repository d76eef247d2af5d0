namespace VcService.LinkedData.JsonLd.Context;

/// <summary>
/// State shared by Create Term Definition calls for one local context (§4.2.2 inputs: local context, defined,
/// base URL, protected, override protected, remote contexts).
/// </summary>
internal sealed class TermScope
{
    public TermScope(ContextProcessor processor, Dictionary<string, object?> localContext, string? baseUrl, bool isProtected,
        bool overrideProtected, List<string> remoteContexts, int depth)
    {
        Processor = processor;
        LocalContext = localContext;
        BaseUrl = baseUrl;
        Protected = isProtected;
        OverrideProtected = overrideProtected;
        RemoteContexts = remoteContexts;
        Depth = depth;
    }

    public ContextProcessor Processor { get; }
    public Dictionary<string, object?> LocalContext { get; }
    public Dictionary<string, bool> Defined { get; } = new(StringComparer.Ordinal);
    public string? BaseUrl { get; }
    public bool Protected { get; }
    public bool OverrideProtected { get; }
    public List<string> RemoteContexts { get; }
    public int Depth { get; }
}
