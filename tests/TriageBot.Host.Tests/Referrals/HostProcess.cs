using System.Diagnostics;

namespace TriageBot.Host.Tests.Referrals;

/// <summary>
/// The built TriageBot host (its own TriageBot.Host.dll, run with <c>dotnet</c>) as a child process, configured by
/// environment variables, so a test can kill it the hard way (<see cref="Process.Kill(bool)"/>: SIGKILL, no shutdown).
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    private HostProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public static HostProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
        };
        start.ArgumentList.Add(HostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");

        // Drained so the child never blocks on a full pipe; the test does not read them.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process);
    }

    /// <summary>kill -9: the process gets no chance to finish a delivery or record anything.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }

    /// <summary>The host's own build output, next to this test project's (artifacts/bin/&lt;project&gt;/&lt;config&gt;).</summary>
    private static string HostDll
    {
        get
        {
            var mine = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var dll = Path.Combine(mine.Parent!.Parent!.FullName, "TriageBot.Host", mine.Name, "TriageBot.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The built host is not at '{dll}'; build src/TriageBot.Host first.", dll);
        }
    }
}
