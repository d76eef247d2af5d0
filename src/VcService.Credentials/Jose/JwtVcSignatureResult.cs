namespace VcService.Credentials.Jose;

/// <summary>Outcome of <see cref="JwtVc.VerifySignature"/>: valid, or the reason it is not.</summary>
public sealed class JwtVcSignatureResult
{
    private JwtVcSignatureResult(bool valid, string? error)
    {
        Valid = valid;
        Error = error;
    }

    /// <summary>True when the signature verified with the pinned algorithm.</summary>
    public bool Valid { get; }

    /// <summary>Why verification failed; null when valid.</summary>
    public string? Error { get; }

    internal static JwtVcSignatureResult Ok { get; } = new(true, null);

    internal static JwtVcSignatureResult Fail(string error)
    {
        return new JwtVcSignatureResult(false, error);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        return Valid ? "valid" : "invalid: " + Error;
    }
}
