using TriageBot.Testing.Identity;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>One fake identity server per test class; tests that change its keys start their own.</summary>
public sealed class IdentityServerFixture : IAsyncLifetime
{
    public FakeIdentityServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeIdentityServer.StartAsync(CancellationToken.None);

        // Tokens are dated by a clock that never moves; each test moves its own copy for the validator.
        Server.TimeProvider = new ManualTimeProvider();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
