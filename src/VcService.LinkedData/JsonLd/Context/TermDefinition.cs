namespace VcService.LinkedData.JsonLd.Context;

/// <summary>Container mapping of a term definition (§4.2.2 step 20) as flags.</summary>
[Flags]
internal enum ContainerKind
{
    None = 0,
    List = 1,
    Set = 2,
    Index = 4,
    Id = 8,
    Type = 16,
    Graph = 32,
    Language = 64,
}

/// <summary>A term definition (JSON-LD 1.1 API §4.1 "term definition"); immutable once in an active context.</summary>
internal sealed class TermDefinition
{
    public string? IriMapping { get; set; }
    public bool Prefix { get; set; }
    public bool Protected { get; set; }
    public bool Reverse { get; set; }
    public string? BaseUrl { get; set; }
    public bool HasLocalContext { get; set; }
    public object? LocalContext { get; set; }
    public ContainerKind Container { get; set; }
    public bool HasLanguage { get; set; }
    public string? Language { get; set; }
    public bool HasDirection { get; set; }
    public string? Direction { get; set; }
    public string? Index { get; set; }
    public string? Nest { get; set; }
    public string? TypeMapping { get; set; }

    public bool Has(ContainerKind kind) => (Container & kind) != 0;

    /// <summary>§4.2.2 step 28.1: equal in everything except the protected flag.</summary>
    public bool SameExceptProtected(TermDefinition other) =>
        IriMapping == other.IriMapping && Prefix == other.Prefix && Reverse == other.Reverse
        && Container == other.Container && HasLanguage == other.HasLanguage && Language == other.Language
        && HasDirection == other.HasDirection && Direction == other.Direction && Index == other.Index
        && Nest == other.Nest && TypeMapping == other.TypeMapping && HasLocalContext == other.HasLocalContext
        && (!HasLocalContext || JsonModel.DeepEquals(LocalContext, other.LocalContext));
}
