using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TriageBot.Host.Health;
using Xunit.Abstractions;
using static TriageBot.Host.Tests.Deployment.DeploymentExpectations;

namespace TriageBot.Host.Tests.Deployment;

/// <summary>
/// No container engine runs here, so the image is reproduced as closely as a process can be: the Dockerfile's own
/// <c>dotnet restore</c> and <c>dotnet publish</c> lines, the published folder made read-only (the image's read-only
/// root), the app started from it with the image's ENV and a writable data folder of its own, then both probes and the
/// image's HEALTHCHECK command (which must fail once the app is gone). Slow (a Release publish), so it is one test. Linux, as the image.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PublishedImageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task PublishedAsTheDockerfileBuildsIt_RunOnAReadOnlyAppFolder_AnswersLiveReadyAndTheImagesHealthCheck()
    {
        var scratch = Directory.CreateTempSubdirectory("triagebot-image-");
        var app = Path.Combine(scratch.FullName, "app");
        var clock = Stopwatch.StartNew();
        try
        {
            await RunDotnetAsync(Image.DotnetCommand("restore"));
            output.WriteLine($"restore done after {clock.Elapsed}");
            await RunDotnetAsync(WithOutput(Image.DotnetCommand("publish"), app));
            output.WriteLine($"publish done after {clock.Elapsed}");
            MakeReadOnly(app);
            var data = Directory.CreateDirectory(Path.Combine(scratch.FullName, "data"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var tmp = Directory.CreateDirectory(Path.Combine(scratch.FullName, "tmp"));
            var port = FreeLoopbackPort();

            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var server = StartPublishedApp(app, port, data.FullName, tmp.FullName, log);
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitUntilLiveAsync(client, server, log);
                output.WriteLine($"live after {clock.Elapsed}");

                using var ready = await client.GetAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                Assert.Equal(0, await RunHealthCheckAsync(port));

                // Everything the app wrote is in the data folder, as the image's /data volume.
                Assert.True(File.Exists(Path.Combine(data.FullName, "triagebot.db")), "The SQLite file belongs in Storage:DataDirectory.");
                Assert.True(Directory.Exists(Path.Combine(data.FullName, "keys")), "The key ring belongs in Storage:DataDirectory.");
                Assert.True(File.Exists(Path.Combine(data.FullName, "directline.secret")), "The generated Direct Line secret belongs in Storage:DataDirectory.");
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            // And the health check can fail: nothing answers on that port any more.
            Assert.NotEqual(0, await RunHealthCheckAsync(port));
        }
        finally
        {
            MakeWritable(scratch.FullName);
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The Dockerfile's publish line with its <c>--output</c> pointed at <paramref name="folder"/>.</summary>
    private static List<string> WithOutput(IReadOnlyList<string> publish, string folder)
    {
        var arguments = publish.ToList();
        var output = arguments.IndexOf("--output");
        Assert.True(output >= 0 && output + 1 < arguments.Count, "The Dockerfile's publish line must name its --output.");
        arguments[output + 1] = folder;
        return arguments;
    }

    /// <summary>The image's ENV, except that a test listens on loopback only (the image listens on every interface).</summary>
    private static Process StartPublishedApp(string app, int port, string data, string tmp, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        var start = new ProcessStartInfo(DotnetHost(), [Image.Single("ENTRYPOINT").Split('"')[3]])
        {
            WorkingDirectory = app,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        ClearBuildEnvironment(start);
        foreach (var (name, value) in Image.RuntimeEnvironment)
        {
            start.Environment[name] = value;
        }

        start.Environment["ASPNETCORE_HTTP_PORTS"] = $"{port}";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = data;
        start.Environment["TMPDIR"] = tmp;
        var process = Process.Start(start)!;

        // Drained so a chatty log never blocks the app on a full pipe; the app logs event names and ids, never user text.
        process.OutputDataReceived += (_, line) => log.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => log.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilLiveAsync(HttpClient client, Process server, IEnumerable<string> log)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            Assert.False(server.HasExited, $"The published app stopped with exit code {(server.HasExited ? server.ExitCode : 0)}:\n{string.Join('\n', log.TakeLast(40))}");
            try
            {
                using var live = await client.GetAsync(new Uri(HealthEndpoints.LivePath, UriKind.Relative), timeout.Token);
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                return;
            }
            catch (HttpRequestException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
        }
    }

    /// <summary>The HEALTHCHECK's exec-form command, run as Docker runs it: with the image's port in its environment.</summary>
    private static async Task<int> RunHealthCheckAsync(int port)
    {
        var command = Image.Single("HEALTHCHECK");
        var exec = JsonSerializer.Deserialize<string[]>(command[(command.IndexOf("CMD ", StringComparison.Ordinal) + 4)..])!;
        var start = new ProcessStartInfo(exec[0], exec[1..]);
        start.Environment["ASPNETCORE_HTTP_PORTS"] = $"{port}";
        return (await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(1))).ExitCode;
    }

    private static async Task RunDotnetAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(DotnetHost(), arguments) { WorkingDirectory = DeploymentFiles.RepositoryRoot };
        ClearBuildEnvironment(start);
        var (exitCode, output) = await ChildProcess.RunAsync(start, CommandTimeout);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', start.ArgumentList)} failed:\n{output}");
    }

    /// <summary>The test host's MSBuild and ASP.NET variables would steer the nested build and app; the image has none.</summary>
    private static void ClearBuildEnvironment(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.Where(k =>
                     k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("VSTEST", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void MakeReadOnly(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Append(folder))
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    private static void MakeWritable(string folder)
    {
        foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Prepend(folder))
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
