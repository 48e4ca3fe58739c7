using TriageBot.Testing;

namespace TriageBot.Browser.Tests;

/// <summary>
/// The real TriageBot app with its chat page and Direct Line, on a loopback port (a <see cref="BotHost"/>), plus
/// what page tests need: absolute URLs.
/// </summary>
public sealed class ChatHost : IAsyncDisposable
{
    private readonly BotHost _host;

    private ChatHost(BotHost host) => _host = host;

    public Uri BaseAddress => _host.BaseAddress;

    public HttpClient Client => _host.Client;

    public TestLogSink Logs => _host.Logs;

    /// <summary>The host's services, e.g. the content it speaks from (tests compare the page with the content's words).</summary>
    public IServiceProvider Services => _host.Services;

    public static async Task<ChatHost> StartAsync(IDictionary<string, string?>? settings = null) =>
        new(await BotHost.StartAsync(settings));

    public Uri Url(string relative) => new(BaseAddress, relative);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
