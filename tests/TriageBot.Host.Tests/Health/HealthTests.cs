using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Host.Health;
using TriageBot.Host.Tests.Support;
using TriageBot.Runtime.State;
using TriageBot.Testing.Identity;

namespace TriageBot.Host.Tests.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: storage answers and the content is valid. Neither says more.</summary>
public sealed class HealthTests
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Probe_AllIsWell_Answers200_WithTheStatusWordOnly(string path)
    {
        await using var host = await EdgeHost.StartAsync();

        using var response = await host.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_DatabaseFolderUnusable_Answers503_ButTheProcessStaysLive()
    {
        var parent = Directory.CreateTempSubdirectory("triagebot-unusable-");
        try
        {
            // The database's folder cannot be created: a file already has its name.
            var blocker = Path.Combine(parent.FullName, "not-a-folder");
            await File.WriteAllTextAsync(blocker, "");
            await using var host = await EdgeHost.StartAsync(databasePath: Path.Combine(blocker, "state.db"));

            using var ready = await host.GetAsync("/readyz");
            using var live = await host.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Ready_CalledInAFlood_ReadsTheStoreOncePerSecondAtMost()
    {
        var clock = new ManualTimeProvider();
        var store = new CountingStore();
        await using var host = await EdgeHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock).AddSingleton<IStateStore>(store));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => host.GetAsync("/readyz")));
        var readsWithinOneSecond = store.Reads;
        clock.Advance(StateStoreHealthCheck.ReuseFor);
        using var later = await host.GetAsync("/readyz");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, readsWithinOneSecond);
        Assert.Equal(2, store.Reads);
        Array.ForEach(answers, a => a.Dispose());
    }

    [Fact]
    public async Task Ready_StoreThrows_Answers503_WithNothingOfTheError()
    {
        await using var host = await EdgeHost.StartAsync(services: s => s.AddSingleton<IStateStore, BrokenStore>());

        using var response = await host.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", body);
        Assert.DoesNotContain(BrokenStore.Secret, body, StringComparison.Ordinal);
    }

    /// <summary>A working store that counts its reads.</summary>
    private sealed class CountingStore : IStateStore
    {
        private readonly InMemoryStateStore _inner = new();
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return _inner.ReadAsync(key, cancellationToken);
        }

        public Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken) =>
            _inner.WriteAsync(key, json, expectedETag, cancellationToken);

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);

        public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => _inner.PurgeOlderThanAsync(cutoff, cancellationToken);
    }

    /// <summary>A store whose database is gone: every call throws, with an internal detail that must not leak.</summary>
    private sealed class BrokenStore : IStateStore
    {
        public const string Secret = "/var/lib/triagebot/secret-path.db";

        public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken) => throw new IOException(Secret);

        public Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken) => throw new IOException(Secret);

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => throw new IOException(Secret);

        public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => throw new IOException(Secret);
    }
}
