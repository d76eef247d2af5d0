using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace VcService.Storage.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for this test run: <c>initdb -A trust</c> in a temporary
/// directory, <c>pg_ctl start</c> listening only on a Unix socket in that directory (fsync off),
/// stopped and deleted when the test process exits. Each test gets its own database in it.
/// <list type="bullet">
/// <item><c>VCSERVICE_TEST_POSTGRES</c>: connection string of an existing server to use instead (needs CREATEDB).</item>
/// <item><c>VCSERVICE_TEST_PG_BIN</c>: the folder holding <c>initdb</c> and <c>pg_ctl</c> (only that one; unset: /usr/local/bin, /usr/lib/postgresql/*/bin, PATH).</item>
/// <item><c>VCSERVICE_TEST_PG_REQUIRED=1</c>: a cluster that cannot start fails the tests instead of skipping them.</item>
/// </list>
/// PostgreSQL refuses to run as root: as root the server runs as the <c>postgres</c> user (via <c>runuser</c>).
/// </summary>
public sealed class PostgresCluster
{
    private const string DirectoryPrefix = "vcservice-pg-";
    private static readonly Lazy<PostgresCluster> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _directory;
    private readonly string? _pgCtl;
    private readonly string? _runAs;
    private readonly NpgsqlConnectionStringBuilder? _server;

    private PostgresCluster(string? skipReason, NpgsqlConnectionStringBuilder? server = null, string? directory = null, string? pgCtl = null, string? runAs = null)
    {
        SkipReason = skipReason;
        _server = server;
        _directory = directory;
        _pgCtl = pgCtl;
        _runAs = runAs;
    }

    public static PostgresCluster Shared => Instance.Value;

    /// <summary>Why the PostgreSQL tests cannot run here; null when they can.</summary>
    public string? SkipReason { get; }

    /// <summary>Creates an empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_server is null)
            throw new InvalidOperationException($"No PostgreSQL cluster: {SkipReason}");
        var name = "vct_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = name }.ConnectionString;
    }

    private static PostgresCluster Start()
    {
        var required = Environment.GetEnvironmentVariable("VCSERVICE_TEST_PG_REQUIRED") == "1";
        try
        {
            return StartOrExplain();
        }
        catch (Exception e) when (!required)
        {
            return new PostgresCluster($"PostgreSQL test cluster did not start: {e.Message}");
        }
    }

    private static PostgresCluster StartOrExplain()
    {
        var required = Environment.GetEnvironmentVariable("VCSERVICE_TEST_PG_REQUIRED") == "1";
        PostgresCluster Unavailable(string reason) =>
            required ? throw new InvalidOperationException(reason + " (VCSERVICE_TEST_PG_REQUIRED=1)") : new PostgresCluster(reason);

        if (Environment.GetEnvironmentVariable("VCSERVICE_TEST_POSTGRES") is { Length: > 0 } external)
        {
            var server = new NpgsqlConnectionStringBuilder(external) { MaxPoolSize = 40, Timeout = 60, CommandTimeout = 120 };
            try
            {
                using var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false, Timeout = 10 }.ConnectionString);
                probe.Open();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                return Unavailable($"the server of VCSERVICE_TEST_POSTGRES does not answer: {e.Message}");
            }
            return new PostgresCluster(null, server);
        }
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return Unavailable("the PostgreSQL test cluster needs Linux or macOS (or set VCSERVICE_TEST_POSTGRES).");
        var bin = FindBinaries();
        if (bin is null)
            return Unavailable("initdb/pg_ctl not found (install postgresql, or set VCSERVICE_TEST_PG_BIN or VCSERVICE_TEST_POSTGRES).");
        string? runAs = null;
        if (geteuid() == 0)
        {
            if (Run("id", ["-u", "postgres"]).Code != 0)
                return Unavailable("tests run as root, PostgreSQL refuses root, and there is no 'postgres' user to run it as.");
            if (FindOnPath("runuser") is null)
                return Unavailable("tests run as root, PostgreSQL refuses root, and 'runuser' is missing.");
            runAs = "postgres";
        }

        RemoveStaleClusters(Path.Combine(bin, "pg_ctl"), runAs);
        var directory = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..(DirectoryPrefix.Length + 20)]);
        Directory.CreateDirectory(directory);
        if (runAs is not null)
            Check(Run("chown", [runAs, directory]), "chown");
        var data = Path.Combine(directory, "data");
        Check(RunAs(runAs, Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-instructions"]), "initdb");
        var port = FreePort();
        var options = $"-p {port} -k {directory} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        Check(RunAs(runAs, Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"]), "pg_ctl start");

        var cluster = new PostgresCluster(null,
            new NpgsqlConnectionStringBuilder { Host = directory, Port = port, Username = "postgres", Database = "postgres", MaxPoolSize = 40, Timeout = 60, CommandTimeout = 120 },
            directory, Path.Combine(bin, "pg_ctl"), runAs);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        cluster.StartReaper();
        return cluster;
    }

    private void Stop()
    {
        if (_directory is null || _pgCtl is null)
            return;
        NpgsqlConnection.ClearAllPools();
        RunAs(_runAs, _pgCtl, ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// The test host may be killed right after the tests (before or during ProcessExit): a detached
    /// shell waits for this process to end, then stops the server and deletes the directory.
    /// </summary>
    private void StartReaper()
    {
        var stop = RunAsCommand(_runAs, _pgCtl!, ["-D", Path.Combine(_directory!, "data"), "-m", "immediate", "-w", "stop"]);
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf {Quote(_directory!)}";
        var setsid = FindOnPath("setsid");
        var info = setsid is null ? new ProcessStartInfo("/bin/sh") : new ProcessStartInfo(setsid) { ArgumentList = { "-f", "/bin/sh" } };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.UseShellExecute = false;
        using var _ = Process.Start(info);
    }

    private static string RunAsCommand(string? user, string program, IReadOnlyList<string> arguments)
    {
        IEnumerable<string> words = user is null ? [program, .. arguments] : [FindOnPath("runuser")!, "-u", user, "--", program, .. arguments];
        return string.Join(' ', words.Select(Quote));
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    /// <summary>Clusters left behind by test processes that were killed before they could stop them.</summary>
    private static void RemoveStaleClusters(string pgCtl, string? runAs)
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var name = Path.GetFileName(directory)[DirectoryPrefix.Length..];
            if (!int.TryParse(name.Split('-')[0], out var pid) || ProcessAlive(pid))
                continue;
            if (Directory.Exists(Path.Combine(directory, "data")))
                RunAs(runAs, pgCtl, ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"]);
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("VCSERVICE_TEST_PG_BIN") is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "initdb")) && File.Exists(Path.Combine(configured, "pg_ctl")) ? configured : null;
        candidates.Add("/usr/local/bin");
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")));
        if (FindOnPath("initdb") is { } onPath)
            candidates.Add(Path.GetDirectoryName(onPath)!);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin"])
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Check((int Code, string Output) result, string step)
    {
        if (result.Code != 0)
            throw new InvalidOperationException($"{step} exited with {result.Code}: {result.Output.Trim()}");
    }

    private static (int Code, string Output) RunAs(string? user, string program, IReadOnlyList<string> arguments) =>
        user is null ? Run(program, arguments) : Run(FindOnPath("runuser")!, ["-u", user, "--", program, .. arguments]);

    private static (int Code, string Output) Run(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        // pg_ctl start leaves the server holding inherited pipes open: read to end only after exit, with a bound.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 120 s.");
        }
        var output = (stdout.Wait(TimeSpan.FromSeconds(2)) ? stdout.Result : "") + (stderr.Wait(TimeSpan.FromSeconds(2)) ? stderr.Result : "");
        return (process.ExitCode, output);
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
