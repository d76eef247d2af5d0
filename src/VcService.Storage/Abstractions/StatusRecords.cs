namespace VcService.Storage.Abstractions;

/// <summary>One index of a status list, given to one credential for one purpose. Never reused.</summary>
public sealed record StatusAllocation
{
    public required string TenantId { get; init; }
    public required string ListId { get; init; }
    /// <summary><c>revocation</c> or <c>suspension</c>.</summary>
    public required string Purpose { get; init; }
    /// <summary>Which status list family the list belongs to: <c>BitstringStatusList</c> (VC 2.0) or <c>StatusList2021</c> (VC 1.1).</summary>
    public required string ListType { get; init; }
    public required int Index { get; init; }
    public required string CredentialId { get; init; }
    public required DateTimeOffset AllocatedAt { get; init; }
}

/// <summary>A status list of a tenant: its bits, how many indices are taken, and the cached signed form.</summary>
public sealed record StoredStatusList
{
    public required string TenantId { get; init; }
    public required string ListId { get; init; }
    public required string Purpose { get; init; }
    public required string ListType { get; init; }
    /// <summary>Number of entries (bits).</summary>
    public required int Size { get; init; }
    /// <summary>How many indices have been allocated.</summary>
    public required int Allocated { get; init; }
    /// <summary>The raw bitstring (Size / 8 bytes; index 0 = most significant bit of byte 0).</summary>
    public required byte[] Bitstring { get; init; }
    /// <summary>Incremented whenever a bit changes; the signed form is current when its version equals this.</summary>
    public required long Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public SignedStatusList? Signed { get; init; }
}

/// <summary>The secured status list credential as served, for the list version it was made from.</summary>
public sealed record SignedStatusList
{
    public required long Version { get; init; }
    public required string Credential { get; init; }
    public required string MediaType { get; init; }
    /// <summary>The HTTP entity tag, quotes included.</summary>
    public required string ETag { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
}

/// <summary>Set (true) or clear (false) one bit.</summary>
public sealed record StatusBitUpdate(string ListId, int Index, bool Value);

/// <summary>One line of the append-only audit log.</summary>
public sealed record AuditEntry
{
    /// <summary>Assigned by the log (ascending); 0 before appending.</summary>
    public long Sequence { get; init; }
    public required string TenantId { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>The authenticated client (API key id) that made the change.</summary>
    public required string ClientId { get; init; }
    public string? CredentialId { get; init; }
    /// <summary>What happened, e.g. <c>revoke</c>, <c>suspend</c>, <c>reinstate</c>.</summary>
    public required string Action { get; init; }
    public string? Reason { get; init; }
    /// <summary>Machine-readable detail, e.g. which list bits changed.</summary>
    public string? Detail { get; init; }
}
