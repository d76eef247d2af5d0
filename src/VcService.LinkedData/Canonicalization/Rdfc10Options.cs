namespace VcService.LinkedData.Canonicalization;

/// <summary>The hash algorithm RDFC-1.0 uses (§4.1: SHA-256 by default, others allowed by agreement).</summary>
public enum Rdfc10HashAlgorithm
{
    Sha256,
    Sha384,
}

/// <summary>Options of <see cref="Rdfc10Canonicalizer"/>.</summary>
public sealed record Rdfc10Options
{
    /// <summary>The shared default options (SHA-256, work factor 3, ceiling 20,000 deep iterations).</summary>
    public static readonly Rdfc10Options Default = new();

    public Rdfc10HashAlgorithm HashAlgorithm { get; init; } = Rdfc10HashAlgorithm.Sha256;

    /// <summary>
    /// Bounds the calls of Hash N-Degree Quads (§4.8) to <c>n^MaxWorkFactor</c>, where n is the number
    /// of blank nodes whose first-degree hash is shared with another blank node (the rule of
    /// rdf-canonize's maxWorkFactor; jsonld.js defaults to 1). 0 allows no N-degree hashing at all.
    /// The spec leaves this limit to implementations (§6, "Dataset Poisoning"). The default 3 is the
    /// smallest that canonicalizes every W3C RDFC-1.0 evaluation test (test044–046 need 430 calls for
    /// 12 blank nodes) while the poison test (a 10-clique) is rejected after 1,000 calls.
    /// </summary>
    public int MaxWorkFactor { get; init; } = 3;

    /// <summary>Absolute bound on the computed <c>n^MaxWorkFactor</c>, so large datasets stay bounded in time.</summary>
    public long DeepIterationCeiling { get; init; } = 20_000;

    /// <summary>An explicit bound on Hash N-Degree Quads calls; overrides <see cref="MaxWorkFactor"/> and the ceiling when set.</summary>
    public long? MaxDeepIterations { get; init; }

    /// <summary>
    /// Bounds the permutations tried in step 5.4 of Hash N-Degree Quads over a whole run; a node
    /// with many related blank nodes of equal hash is otherwise factorial work without recursion.
    /// </summary>
    public long MaxPermutations { get; init; } = 100_000;
}
