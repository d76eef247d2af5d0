namespace VcService.MicroCredentials;

/// <summary>One field-level problem. Path is dotted with indices, e.g. <c>learningOutcomes[0].text</c>.</summary>
public sealed record ValidationError(string Path, string Message);

/// <summary>Outcome of <see cref="HeiRecordValidator.Validate"/>: every error at once, and the record when valid.</summary>
public sealed record HeiRecordValidation
{
    public bool IsValid => Errors.Count == 0 && Record is not null;
    public required IReadOnlyList<ValidationError> Errors { get; init; }
    public HeiRecord? Record { get; init; }
}
