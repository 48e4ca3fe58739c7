using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Benchmarks;

/// <summary>
/// The hostile client in a process of its own, as an attacker is: the server's RSS is then the server's alone, not
/// the flood's sockets and buffers too. The child is this program with <c>hostile-client URL SECONDS POSTERS</c>; it
/// stops by itself after SECONDS and prints one summary line.
/// </summary>
internal sealed class HostileClientProcess : IDisposable
{
    public const string Mode = "hostile-client";

    private readonly Process _process;

    private HostileClientProcess(Process process) => _process = process;

    public static HostileClientProcess Start(Uri baseAddress, TimeSpan duration, int posters)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in new[] { Mode, baseAddress.ToString(), $"{(int)duration.TotalSeconds}", $"{posters}" })
        {
            start.ArgumentList.Add(arg);
        }

        return new HostileClientProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the child to stop by itself and returns what it printed.</summary>
    public async Task<string> WaitAsync()
    {
        var output = await _process.StandardOutput.ReadToEndAsync();
        await _process.WaitForExitAsync();
        return output.Trim();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>The child's side: flood <paramref name="args"/>[0] for [1] seconds with [2] posting loops.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var seconds = int.Parse(args[1], CultureInfo.InvariantCulture);
        var posters = int.Parse(args[2], CultureInfo.InvariantCulture);
        using var client = new DirectLineClient(new Uri(args[0]));
        var hostile = new DirectLineHostileClient(client, new Channels.DirectLine.DirectLineOptions().MaxActivityBytes);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await hostile.RunAsync(posters, uploads: true, stop.Token);
        Console.WriteLine(hostile.Summary());
        return 0;
    }
}
