namespace VcService.Credentials.Status;

/// <summary>
/// The processing error types of Bitstring Status List v1.0 §3.5 (the first three) and of the VC
/// Data Model 2.0 that its algorithms raise (the last two), used as the first word of error
/// messages so callers can match on them. As problem types they are
/// <c>https://www.w3.org/ns/credentials/status-list#&lt;CODE&gt;</c>.
/// </summary>
public static class StatusListErrors
{
    /// <summary>Retrieval of the status list failed.</summary>
    public const string StatusRetrieval = "STATUS_RETRIEVAL_ERROR";

    /// <summary>Validation of the status entry or the status list credential failed.</summary>
    public const string StatusVerification = "STATUS_VERIFICATION_ERROR";

    /// <summary>The uncompressed bitstring is shorter than the minimum length.</summary>
    public const string StatusListLength = "STATUS_LIST_LENGTH_ERROR";

    /// <summary>The index lies outside the bitstring.</summary>
    public const string Range = "RANGE_ERROR";

    /// <summary>A value (e.g. <c>encodedList</c>) is malformed.</summary>
    public const string MalformedValue = "MALFORMED_VALUE_ERROR";
}
