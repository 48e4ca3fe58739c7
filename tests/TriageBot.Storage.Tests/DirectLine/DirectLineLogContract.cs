using System.Globalization;
using System.Net;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Storage.Tests.DirectLine;

/// <summary>
/// What every Direct Line conversation log must do, through the real host's Direct Line routes: activities are
/// numbered 1, 2, 3… (the watermark), a poll returns only what came after its watermark, and an activity a client
/// sends twice with one <c>clientActivityID</c> (a retry, a double-click, one after the other or at once) is stored
/// once and runs one turn. Run on the in-process log (memory, the default) and on the shared PostgreSQL log.
/// </summary>
public abstract class DirectLineLogContract
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The host under test, with its Direct Line log.</summary>
    protected abstract Task<DirectLineHost> StartHostAsync();

    [Fact]
    public async Task Activities_AreNumberedInOrder_AndAPollFromAWatermark_ReturnsOnlyWhatCameAfterIt()
    {
        await using var host = await StartHostAsync();
        var conversation = await host.Client.StartWithTokenAsync();
        var welcome = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        Assert.Equal(HttpStatusCode.OK, welcome.Status);
        Assert.Equal(Numbers(welcome.Activities), Enumerable.Range(1, welcome.Activities.Count).Select(n => (long)n));

        var posted = await host.Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hi", "contract-1"));
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var after = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, welcome.Watermark);
        var echo = Assert.Single(after.Activities, a => a.From?.Role == RoleTypes.User);
        Assert.Equal(posted.Json.GetProperty("id").GetString(), echo.Id);
        Assert.Equal(Numbers(after.Activities), Enumerable.Range(welcome.Activities.Count + 1, after.Activities.Count).Select(n => (long)n));
        Assert.Contains(after.Activities, a => a.From?.Role == RoleTypes.Bot);
        Assert.Equal(Numbers(after.Activities)[^1].ToString(CultureInfo.InvariantCulture), after.Watermark);
        Assert.True(after.Activities.Zip(after.Activities.Skip(1)).All(p => p.First.Timestamp < p.Second.Timestamp), "Timestamps must rise.");
    }

    [Fact]
    public async Task APostSentAgainWithTheSameClientActivityId_IsStoredOnce_AndRunsOneTurn()
    {
        await using var host = await StartHostAsync();
        var conversation = await host.Client.StartWithTokenAsync();
        var body = DirectLineClient.WebChatMessage("hi", "contract-retry");
        var first = await host.Client.PostAsync(conversation.ConversationId, conversation.Token, body);
        var log = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);

        var again = await host.Client.PostAsync(conversation.ConversationId, conversation.Token, body);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, again.Status));
        Assert.Equal(first.Json.GetProperty("id").GetString(), again.Json.GetProperty("id").GetString());
        var after = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, log.Watermark);
        Assert.Empty(after.Activities);
        Assert.Equal(log.Watermark, after.Watermark);
    }

    [Fact]
    public async Task TwoPostsWithOneClientActivityId_AtOnce_AreStoredOnce_AndRunOneTurn()
    {
        await using var host = await StartHostAsync();
        var reference = await host.Client.StartWithTokenAsync("dl_reference");
        await host.Client.PostAsync(reference.ConversationId, reference.Token, DirectLineClient.WebChatMessage("hi", "contract-once", "dl_reference"));
        var once = await host.Client.GetActivitiesAsync(reference.ConversationId, reference.Token);

        var conversation = await host.Client.StartWithTokenAsync("dl_twice");
        var body = DirectLineClient.WebChatMessage("hi", "contract-twice", "dl_twice");
        var both = await Task.WhenAll(
            host.Client.PostAsync(conversation.ConversationId, conversation.Token, body),
            host.Client.PostAsync(conversation.ConversationId, conversation.Token, body)).WaitAsync(Patience);

        Assert.All(both, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(both[0].Json.GetProperty("id").GetString(), both[1].Json.GetProperty("id").GetString());
        var twice = await host.Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        Assert.Single(twice.Activities, a => a.From?.Role == RoleTypes.User);
        Assert.Equal(Texts(once.Activities), Texts(twice.Activities));
    }

    private static long[] Numbers(IEnumerable<Activity> activities) =>
        [.. activities.Select(a => long.Parse(a.Id![(a.Id!.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture))];

    private static string?[] Texts(IEnumerable<Activity> activities) => [.. activities.Where(a => a.From?.Role == RoleTypes.Bot).Select(a => a.Text)];
}

/// <summary>The contract on the in-process log: the default (SQLite for state, Direct Line logs in memory).</summary>
public sealed class InMemoryDirectLineLogTests : DirectLineLogContract
{
    protected override Task<DirectLineHost> StartHostAsync() => DirectLineHost.StartAsync();
}
