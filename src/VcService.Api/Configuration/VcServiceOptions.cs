namespace VcService.Api.Configuration;

/// <summary>The <c>VcService</c> configuration section (environment: <c>VcService__Name</c>).</summary>
public sealed class VcServiceOptions
{
    public const string Section = "VcService";

    /// <summary>Where the SQLite database, the demo API key and (in development) the master key live.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The origin used in did:web identifiers and links, e.g. <c>https://vc.example.edu</c>. Defaults to the first listening URL.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>AES-256 master key (base64 or hex) that encrypts private keys at rest.</summary>
    public string? MasterKey { get; set; }

    /// <summary>A file holding the master key, as an alternative to <see cref="MasterKey"/>.</summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>Largest accepted request body, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>Largest nesting depth accepted in JSON request bodies.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>Allowance for clocks that disagree when checking validity dates.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public DemoOptions Demo { get; set; } = new();

    /// <summary>Secret that authenticates the operator on <c>/v1/admin</c> (<c>Authorization: Bearer …</c>); unset = only an OAuth admin scope can.</summary>
    public string? AdminApiKey { get; set; }
}

public sealed class DemoOptions
{
    /// <summary>Seed the demo issuer tenant <c>demo</c> at start-up.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The demo tenant's API key; when unset one is generated and written once to <c>&lt;data dir&gt;/demo-api-key</c>.</summary>
    public string? ApiKey { get; set; }
}
