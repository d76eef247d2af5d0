namespace VcService.Storage.Sql;

/// <summary>Options of the status list store.</summary>
public sealed record StatusListStoreOptions
{
    /// <summary>Entries per list. Bitstring Status List §2.2 asks for at least 131,072 (herd privacy); smaller only in tests.</summary>
    public int ListSize { get; init; } = 131_072;

    /// <summary>Random draws before falling back to choosing uniformly among the free indices (a nearly full list).</summary>
    public int RandomAttempts { get; init; } = 32;
}
