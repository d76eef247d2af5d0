namespace VcService.Api.Configuration;

/// <summary>The <c>VcService:Storage</c> section: which database holds the service's state.</summary>
public sealed class StorageOptions
{
    public const string Section = "VcService:Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (embedded file in the data directory, one instance) or <c>postgres</c> (shared by several instances).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The PostgreSQL connection string (Npgsql syntax); <c>ConnectionStrings:VcService</c> is used when this is unset.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Reads and checks the section; an unknown provider or a missing connection string stops start-up.</summary>
    public static StorageOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<StorageOptions>() ?? new StorageOptions();
        options.Provider = options.Provider.Trim().ToLowerInvariant() switch
        {
            "" or Sqlite => Sqlite,
            Postgres or "postgresql" => Postgres,
            _ => throw new InvalidOperationException($"{Section}:Provider '{options.Provider}' is not known; use '{Sqlite}' or '{Postgres}'."),
        };
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            options.ConnectionString = configuration.GetConnectionString("VcService");
        if (options.Provider == Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException($"{Section}:Provider is '{Postgres}' but neither {Section}:ConnectionString nor ConnectionStrings:VcService is set.");
        return options;
    }
}
