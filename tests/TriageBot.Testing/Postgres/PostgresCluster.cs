using System.Diagnostics;
using Npgsql;

namespace TriageBot.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's <c>postgresql</c> package: <c>initdb</c> into a temporary folder,
/// <c>pg_ctl start</c> on a free loopback port (its unix socket in the same folder), and on dispose an immediate stop
/// and the folder deleted. initdb refuses to run as root, so under root the binaries run as the package's
/// <c>postgres</c> user (<c>runuser</c>), which owns the folder. Missing binaries fail the test with the fix, never skip it.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>The superuser initdb creates; trusted on loopback only, in a cluster that lives for one test class.</summary>
    public const string Superuser = "triagebot_test";

    private readonly string _bin;
    private readonly string? _runAs;
    private int _stopped;

    private PostgresCluster(string folder, string bin, string? runAs, int port)
    {
        Folder = folder;
        _bin = bin;
        _runAs = runAs;
        Port = port;
    }

    /// <summary>The temporary folder: <c>data</c> (the cluster), <c>server.log</c>, and the unix socket.</summary>
    public string Folder { get; }

    public int Port { get; }

    /// <summary>The cluster's own <c>postgres</c> database, for administration.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = FindBinaries();
        var runAs = Environment.UserName == "root" ? Environment.GetEnvironmentVariable("TRIAGEBOT_PG_USER") ?? "postgres" : null;
        var folder = Directory.CreateTempSubdirectory("triagebot-pg-").FullName;
        var cluster = new PostgresCluster(folder, bin, runAs, LoopbackPorts.Free());
        try
        {
            if (runAs is not null)
            {
                await cluster.RunAsync("chown", ["-R", runAs, folder], asServerUser: false);
            }

            await cluster.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", cluster.DataFolder, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            await cluster.RunAsync(Path.Combine(bin, "pg_ctl"),
            [
                "-D", cluster.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start", "-o",
                $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off",
            ]);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>A new, empty database of its own (so tests sharing the cluster never see each other's rows).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        }

        Directory.Delete(Folder, recursive: true);
    }

    private string DataFolder => Path.Combine(Folder, "data");

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .ToList()
            : [];
        return Environment.GetEnvironmentVariable("TRIAGEBOT_PG_BIN") is { Length: > 0 } configured
            ? configured
            : candidates.FirstOrDefault()
              ?? throw new InvalidOperationException(
                  "PostgreSQL's server binaries were not found under /usr/lib/postgresql/*/bin: install Debian's 'postgresql' package (.ci/run does), or set TRIAGEBOT_PG_BIN.");
    }


    /// <summary>Runs a program to its end (as the server's user when under root); a failure carries its output.</summary>
    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        if (asServerUser && _runAs is not null)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", _runAs, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
