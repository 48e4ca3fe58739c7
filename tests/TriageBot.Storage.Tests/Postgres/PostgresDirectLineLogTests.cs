using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.ConversationLogs;
using TriageBot.Storage.Postgres;
using TriageBot.Storage.Tests.DirectLine;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>The Direct Line log contract on PostgreSQL (<c>Storage:Provider = Postgres</c> chooses it), and what only a shared log does.</summary>
public sealed class PostgresDirectLineLogTests(PostgresFixture fixture) : DirectLineLogContract, IClassFixture<PostgresFixture>
{
    protected override Task<DirectLineHost> StartHostAsync() => DirectLineHost.StartAsync(Settings(fixture.ConnectionString));

    [Fact]
    public async Task StorageProviderPostgres_ChoosesTheSharedLog()
    {
        await using var host = await StartHostAsync();
        Assert.IsType<PostgresConversationLogStore>(host.Services.GetRequiredService<IConversationLogStore>());
    }

    [Fact]
    public async Task OnPostgres_AGeneratedDirectLineSecret_IsRefusedAtStartup_BecauseTokensMustValidateOnEveryInstance()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DirectLineHost.StartAsync(Settings(fixture.ConnectionString), configureSecret: false));
        Assert.Contains("Secret must be set, the same on every instance", error.Message, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:TriageBot"] = connectionString,
    };
}
