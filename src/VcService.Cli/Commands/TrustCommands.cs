using System.CommandLine;
using VcService.MicroCredentials.Trust;
using VcService.Storage.Abstractions;
using VcService.Storage.Postgres;
using VcService.Storage.Sql;
using VcService.Storage.Sqlite;

namespace VcService.Cli.Commands;

/// <summary>
/// <c>vcservice trust …</c>: the operator's side of the trust registry, without the admin API.
/// <list type="bullet">
/// <item><c>import-deqar FILE [--data-dir DIR | --postgres CONNECTION] [--strict]</c>: replaces the DEQAR institution data in
/// the service's database with the rows of the CSV file EQAR publishes; reports rows imported and
/// rows rejected with their line numbers;</item>
/// <item><c>show [--data-dir DIR | --postgres CONNECTION]</c>: what DEQAR data is loaded;</item>
/// <item><c>check-list FILE</c>: validates a trusted issuer list file before it is configured.</item>
/// </list>
/// </summary>
public static class TrustCommands
{
    /// <summary>Explicit limit on the DEQAR file (the full EQAR export is a few MB).</summary>
    public const long MaxDeqarFileBytes = 200L * 1024 * 1024;

    public static Command Create()
    {
        var trust = new Command("trust", "Trust registry: import DEQAR institution data, check a trusted issuer list");
        trust.Add(ImportDeqar());
        trust.Add(Show());
        trust.Add(CheckList());
        return trust;
    }

    private static Option<DirectoryInfo?> DataDirOption() => new("--data-dir")
    {
        Description = "The service's data directory (default: $VcService__DataDirectory or ./data)",
    };

    private static string DataDirectory(DirectoryInfo? option) =>
        option?.FullName ?? Environment.GetEnvironmentVariable("VcService__DataDirectory") ?? "./data";

    private static Option<string?> PostgresOption() => new("--postgres")
    {
        Description = "Connection string of the service's PostgreSQL database (default: $VcService__Storage__ConnectionString " +
            "or $ConnectionStrings__VcService when $VcService__Storage__Provider is postgres); without it, the SQLite file of the data directory",
    };

    /// <summary>The PostgreSQL connection string from the option or the service's environment; null for SQLite.</summary>
    private static string? PostgresConnection(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
            return option;
        var provider = Environment.GetEnvironmentVariable("VcService__Storage__Provider")?.Trim();
        if (!string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase) && !string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase))
            return null;
        return Environment.GetEnvironmentVariable("VcService__Storage__ConnectionString") is { Length: > 0 } configured
            ? configured
            : Environment.GetEnvironmentVariable("ConnectionStrings__VcService") is { Length: > 0 } named
                ? named
                : throw new InvalidOperationException("VcService__Storage__Provider is postgres but no connection string is set (--postgres, VcService__Storage__ConnectionString or ConnectionStrings__VcService).");
    }

    private static bool TryPostgresConnection(string? option, TextWriter error, out string? connection)
    {
        try
        {
            connection = PostgresConnection(option);
            if (connection is not null)
                _ = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            error.WriteLine($"error: {e.Message}");
            connection = null;
            return false;
        }
    }

    /// <summary>The service's database (PostgreSQL or the SQLite file) and its DEQAR register; dispose the first.</summary>
    private static (IStorageDatabase Database, IDeqarRegister Register, IAsyncDisposable Lifetime) OpenRegister(string? postgres, string sqlitePath)
    {
        if (postgres is not null)
        {
            var database = new PostgresDatabase(postgres);
            return (database, new SqlDeqarRegister(database), database);
        }
        var sqlite = new SqliteDatabase(sqlitePath);
        return (sqlite, new SqlDeqarRegister(sqlite), NoLifetime.Instance);
    }

    private sealed class NoLifetime : IAsyncDisposable
    {
        public static readonly NoLifetime Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static Command ImportDeqar()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The DEQAR institutions CSV file (as published by EQAR)" };
        var dataDir = DataDirOption();
        var postgres = PostgresOption();
        var strict = new Option<bool>("--strict") { Description = "Import nothing when any row is rejected" };
        var command = new Command("import-deqar", "Replace the DEQAR institution data with the rows of a CSV file") { file, dataDir, postgres, strict };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                error.WriteLine($"error: {input.FullName} does not exist");
                return ExitCodes.InputUnreadable;
            }
            if (input.Length > MaxDeqarFileBytes)
            {
                error.WriteLine($"error: {input.Name} is larger than {MaxDeqarFileBytes} bytes");
                return ExitCodes.LimitExceeded;
            }
            DeqarCsvResult result;
            try
            {
                using var reader = new StreamReader(input.FullName, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
                result = DeqarCsvReader.Read(reader);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
            {
                error.WriteLine($"error: {input.Name} cannot be read as UTF-8 text: {e.Message}");
                return ExitCodes.InputUnreadable;
            }
            if (result.FileError is not null)
            {
                error.WriteLine($"error: {input.Name}: {result.FileError}");
                return ExitCodes.InvalidInput;
            }
            foreach (var rejection in result.Rejected)
                error.WriteLine($"{input.Name}: line {rejection.Line}: rejected: {rejection.Message}");
            if (result.Institutions.Count == 0 || (parse.GetValue(strict) && result.Rejected.Count > 0))
            {
                error.WriteLine($"error: nothing imported ({result.Institutions.Count} valid rows, {result.Rejected.Count} rejected); the DEQAR data in the database is unchanged");
                return ExitCodes.InvalidInput;
            }

            if (!TryPostgresConnection(parse.GetValue(postgres), error, out var connection))
                return ExitCodes.Usage;
            var (database, register, lifetime) = OpenRegister(connection, Path.Combine(DataDirectory(parse.GetValue(dataDir)), "vcservice.db"));
            await using (lifetime)
            {
                try
                {
                    await database.MigrateAsync(cancellationToken);
                    await register.ReplaceAllAsync(result.Institutions, new DeqarImportInfo(input.Name, DateTimeOffset.UtcNow, result.Institutions.Count), cancellationToken);
                }
                catch (Npgsql.NpgsqlException e)
                {
                    error.WriteLine($"error: the database cannot be used ({database.Description}): {e.Message}");
                    return ExitCodes.InputUnreadable;
                }
                output.WriteLine($"Imported {result.Institutions.Count} DEQAR institutions from {input.Name} into {(database is SqliteDatabase file ? file.Path : database.Description)}; rejected {result.Rejected.Count} rows.");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var dataDir = DataDirOption();
        var postgres = PostgresOption();
        var command = new Command("show", "Show which DEQAR data the database holds") { dataDir, postgres };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = Path.Combine(DataDirectory(parse.GetValue(dataDir)), "vcservice.db");
            if (!TryPostgresConnection(parse.GetValue(postgres), parse.InvocationConfiguration.Error, out var connection))
                return ExitCodes.Usage;
            if (connection is null && !File.Exists(path))
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: no database at {Path.GetFullPath(path)}");
                return ExitCodes.InputUnreadable;
            }
            var (database, register, lifetime) = OpenRegister(connection, path);
            await using var _ = lifetime;
            DeqarImportInfo? info;
            try
            {
                await database.MigrateAsync(cancellationToken);
                info = await register.GetImportInfoAsync(cancellationToken);
            }
            catch (Npgsql.NpgsqlException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: the database cannot be used ({database.Description}): {e.Message}");
                return ExitCodes.InputUnreadable;
            }
            output.WriteLine(info is null
                ? "No DEQAR data imported."
                : $"DEQAR data: {info.Institutions} institutions from {info.Source}, imported {info.ImportedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CheckList()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A trusted issuer list {\"issuers\": [{did, legalName, country, accreditation, deqarId}]}" };
        var command = new Command("check-list", "Validate a trusted issuer list file") { file };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(file)!;
            var (entries, readErrors) = TrustedIssuerList.ReadFile(input.FullName);
            var (list, errors) = TrustedIssuerList.Create(entries, input.Name);
            var all = readErrors.Concat(errors).ToList();
            foreach (var e in all)
                parse.InvocationConfiguration.Error.WriteLine($"{input.Name}: {e}");
            if (all.Count > 0 || list is null)
                return input.Exists ? ExitCodes.InvalidInput : ExitCodes.InputUnreadable;
            parse.InvocationConfiguration.Output.WriteLine($"{input.Name}: {list.Count} trusted issuers, all valid.");
            return ExitCodes.Success;
        });
        return command;
    }
}
