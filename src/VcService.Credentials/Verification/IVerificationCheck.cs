namespace VcService.Credentials.Verification;

/// <summary>
/// One step of the verification pipeline. A check reports a result for bad credentials; it throws
/// only on cancellation or a bug.
/// </summary>
public interface IVerificationCheck
{
    string Name { get; }

    /// <summary>Position in the pipeline; lower runs first (format 100, signature 200, issuer 300, status 400, validity 500, annexI 600).</summary>
    int Order { get; }

    Task<CheckResult> RunAsync(VerificationContext context, CancellationToken cancellationToken);
}
