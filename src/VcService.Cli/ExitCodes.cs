namespace VcService.Cli;

/// <summary>Process exit codes of <c>vcservice</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>
    /// Command-line usage error (reported by System.CommandLine). 64 is EX_USAGE of sysexits.h; it
    /// must differ from <see cref="NotVerified"/> so scripts can tell "not verified" from "typo".
    /// </summary>
    public const int Usage = 64;

    /// <summary>The input file does not exist or cannot be read.</summary>
    public const int InputUnreadable = 2;

    /// <summary>The input is not valid JSON, JSON-LD or N-Quads.</summary>
    public const int InvalidInput = 3;

    /// <summary><c>verify</c>: the credential was checked and is not verified (the report says why).</summary>
    public const int NotVerified = 1;

    /// <summary><c>verify</c>: the input file is unreadable or not a credential-shaped JSON/JWT text.</summary>
    public const int VerifyInputError = 2;

    /// <summary>An explicit processing limit was hit (e.g. the RDFC-1.0 work limit).</summary>
    public const int LimitExceeded = 4;
}
