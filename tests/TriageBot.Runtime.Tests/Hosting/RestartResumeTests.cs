using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.Tests.Dialogs;
using TriageBot.Testing;

namespace TriageBot.Runtime.Tests.Hosting;

/// <summary>The bot process stops mid-conversation and a new one takes over the same SQLite file.</summary>
public sealed class RestartResumeTests
{
    [Fact]
    public async Task HostRestartsMidConversation_NewHostContinuesFromTheSqliteFile()
    {
        await using var channel = await FakeChannel.StartAsync();
        var folder = Directory.CreateTempSubdirectory("triagebot-restart-");
        try
        {
            EmulatorUser user;
            await using (var first = await BotHost.StartAsync(services: s => s.AddSingleton(ProfileBot.Create()), dataFolder: folder))
            {
                user = new EmulatorUser(first, channel);
                await user.SaysAsync("hi");
                await user.SaysAsync("Ann");
            }

            await using var second = await BotHost.StartAsync(services: s => s.AddSingleton(ProfileBot.Create()), dataFolder: folder);
            var resumed = new EmulatorUser(second, channel, user.ConversationId) { User = user.User };
            await resumed.SaysAsync("42");

            Assert.Equal(["What is your name?", "How old are you?", "Thanks Ann, 42."], resumed.BotMessages());
            Assert.True(File.Exists(Path.Combine(folder.FullName, "state.db")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
