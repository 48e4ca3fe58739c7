using System.Diagnostics;
using System.Net;

namespace TriageBot.Testing.Postgres;

/// <summary>
/// The real TriageBot in a child process (<c>dotnet TriageBot.Host.dll</c>, the build this test kit references) on a
/// loopback port, configured through environment variables as a deployment would be, so a test can run several
/// instances on one database and <c>kill -9</c> one of them. Its output is read and dropped (never echoed: it is the
/// app's console log).
/// </summary>
public sealed class BotProcess : IBotEndpoint, IAsyncDisposable
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(90);

    private readonly Process _process;

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public Uri MessagesUrl => new(BaseAddress, "/api/messages");

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts an instance with <paramref name="environment"/> (as <c>Section__Key</c> names) and waits until <c>/readyz</c> answers 200.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "TriageBot.Host.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", AppContext.BaseDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new BotProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await instance.WaitUntilReadyAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>kill -9</c>: no shutdown, no flush, whatever it was doing stops mid-way.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            // SIGKILL on Unix.
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + StartupPatience;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The TriageBot process exited during startup with code {_process.ExitCode}.");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The TriageBot process was not ready within {StartupPatience}.");
            }

            await Task.Delay(100);
        }
    }
}
