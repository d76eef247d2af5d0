namespace VcService.Credentials.Status;

/// <summary>
/// Values of <c>statusPurpose</c> (Bitstring Status List v1.0 §2.1; StatusList2021 §2.1) that this
/// service issues and checks. One bit per credential and purpose.
/// </summary>
public static class StatusPurpose
{
    /// <summary>Cancels the credential permanently: once set, the bit is never cleared.</summary>
    public const string Revocation = "revocation";

    /// <summary>Temporarily withholds the credential; the bit may be cleared again (reinstatement).</summary>
    public const string Suspension = "suspension";

    public static readonly IReadOnlyList<string> All = [Revocation, Suspension];

    public static bool IsKnown(string? purpose) => purpose is Revocation or Suspension;
}
