namespace VcService.Credentials.DataIntegrity;

/// <summary>
/// A Data Integrity algorithm step failed (VC Data Integrity 1.0 §3.1 error codes). Thrown by the
/// cryptosuite steps and by <see cref="DataIntegrity.AddProof"/>; <see cref="DataIntegrity.VerifyAsync"/>
/// turns it into a result.
/// </summary>
public sealed class DataIntegrityException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A <see cref="DataIntegrityErrorCodes"/> constant.</summary>
    public string Code { get; } = code;
}
