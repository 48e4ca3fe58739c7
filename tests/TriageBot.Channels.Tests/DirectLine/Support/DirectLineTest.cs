using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.Turns;
using TriageBot.Testing.DirectLine;
using TriageBot.Testing.Identity;

namespace TriageBot.Channels.Tests.DirectLine.Support;

/// <summary>
/// Base for Direct Line tests: one real host per test with <see cref="RecordingBot"/> and a manual clock, and a
/// guard token for every wait (it only stops a hang; no test measures time).
/// </summary>
public abstract class DirectLineTest : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(30));

    protected DirectLineHost Host { get; set; } = null!;

    protected DirectLineClient Client => Host.Client;

    protected RecordingBot Bot { get; } = new();

    protected ManualTimeProvider Clock { get; } = new();

    protected CancellationToken Guard => _guard.Token;

    /// <summary>Settings for this class's host; override to change limits.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync() => Host = await StartHostAsync(Settings);

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();

    public void Dispose()
    {
        _guard.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A conversation token from the secret for a new conversation (<c>tokens/generate</c>).</summary>
    protected async Task<string> NewTokenAsync(string userId) =>
        (await Client.GenerateTokenAsync(DirectLineHost.Secret, userId)).Json.GetProperty("token").GetString()!;

    protected Task<DirectLineHost> StartHostAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null, bool configureSecret = true) =>
        DirectLineHost.StartAsync(settings, s =>
        {
            s.AddSingleton<IBot>(Bot);
            s.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(s);
        }, configureSecret);
}
