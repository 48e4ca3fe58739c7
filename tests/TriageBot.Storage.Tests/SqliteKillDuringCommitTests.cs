using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using TriageBot.Runtime.State;
using TriageBot.Schema;
using TriageBot.Storage.Sqlite;
using TriageBot.Testing;
using Activity = TriageBot.Schema.Activity;

namespace TriageBot.Storage.Tests;

/// <summary>
/// Group commit under the worst crash: the real host on SQLite takes turns from many conversations at once (so their
/// state writes share commits) and is killed with SIGKILL mid-stream. Every turn whose replies came back must find
/// its state in the file afterwards: a reply is released only after the commit holding its turn's state.
/// </summary>
public sealed class SqliteKillDuringCommitTests : IDisposable
{
    private const int Conversations = 32;
    private const int AnsweredBeforeKill = 150;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("triagebot-kill-commit-");
    private Process? _host;

    [Fact]
    public async Task HostKilledWhileTurnsCommit_KeepsTheStateOfEveryTurnItAnswered()
    {
        var port = LoopbackPorts.Free();
        var databasePath = Path.Combine(_data.FullName, "state.db");
        var host = _host = StartHost(port, databasePath);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilAnsweringAsync(http, host);

        var answered = new ConcurrentBag<Activity>();
        using var stop = new CancellationTokenSource();
        var users = Enumerable.Range(0, Conversations).Select(_ => Task.Run(() => StartConversationsAsync(http, answered, stop.Token))).ToArray();
        var deadline = Stopwatch.StartNew();
        while (answered.Count < AnsweredBeforeKill && deadline.Elapsed < Generous)
        {
            await Task.Delay(20);
        }

        host.Kill(entireProcessTree: true); // SIGKILL while turns are still arriving and committing
        await host.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(users);

        Assert.True(answered.Count >= AnsweredBeforeKill, $"only {answered.Count} turns were answered before the deadline");
        await using var store = new SqliteStateStore(databasePath);
        foreach (var turn in answered)
        {
            var key = StateKeys.For(turn)!.Conversation;
            Assert.True(await store.ReadAsync(key, CancellationToken.None) is not null, $"an answered turn's state is missing: {key}");
        }
    }

    public void Dispose()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            _host.WaitForExit();
        }

        _host?.Dispose();
        _data.Delete(recursive: true);
    }

    /// <summary>One user after another opening a conversation; each turn answered with replies is recorded.</summary>
    private static async Task StartConversationsAsync(HttpClient http, ConcurrentBag<Activity> answered, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var turn = FirstTurn();
            try
            {
                using var response = await http.PostAsJsonAsync("/api/messages", turn, stop);
                var body = await response.Content.ReadAsStringAsync(stop);
                if (response.IsSuccessStatusCode && body.Contains("\"activities\"", StringComparison.Ordinal) && body.Contains("\"text\"", StringComparison.Ordinal))
                {
                    answered.Add(turn);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                // The host is gone (killed) or the test is stopping: this turn was never answered.
                return;
            }
        }
    }

    private static Activity FirstTurn() => new()
    {
        Type = "message",
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = "http://localhost:1",
        From = new ChannelAccount { Id = "user-" + Guid.NewGuid().ToString("N") },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "kill-" + Guid.NewGuid().ToString("N") },
        Text = "hi",
        Locale = "en-US",
        DeliveryMode = "expectReplies",
    };

    private static async Task WaitUntilAnsweringAsync(HttpClient http, Process host)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Generous)
        {
            Assert.False(host.HasExited, "the host exited before it answered");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("the host did not answer /healthz in time");
    }

    /// <summary>The built host (its own TriageBot.Host.dll, next to this test project's output), on SQLite.</summary>
    private Process StartHost(int port, string databasePath)
    {
        var mine = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(mine.Parent!.Parent!.FullName, "TriageBot.Host", mine.Name, "TriageBot.Host.dll");
        Assert.True(File.Exists(dll), $"the built host is not at '{dll}'");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Storage__Provider"] = "Sqlite";
        start.Environment["Storage__Sqlite__Path"] = databasePath;
        start.Environment["Storage__DataDirectory"] = _data.FullName;
        start.Environment["DataProtection__KeysPath"] = Path.Combine(_data.FullName, "keys");
        start.Environment["Channels__BotConnector__AllowAnonymous"] = "true";
        start.Environment["RateLimiting__Global__TokenLimit"] = "100000000";
        start.Environment["RateLimiting__Global__TokensPerPeriod"] = "100000000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
