namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// RDFC-1.0 stopped because the dataset needs more Hash N-Degree Quads work than the configured
/// limit allows (§6 "Dataset Poisoning"); the input is treated as hostile or too complex.
/// </summary>
public sealed class RdfcWorkLimitExceededException : Exception
{
    public RdfcWorkLimitExceededException(string limit, long value)
        : base($"RDFC-1.0 work limit exceeded: {limit} ({value}). The dataset is too complex to canonicalize (possible dataset poisoning).")
    {
        Limit = limit;
        Value = value;
    }

    /// <summary>Name of the limit that was hit (<c>MaxDeepIterations</c> or <c>MaxPermutations</c>).</summary>
    public string Limit { get; }

    /// <summary>The limit's value.</summary>
    public long Value { get; }
}
