using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.Hosting;
using TriageBot.Channels.DirectLine;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>How long conversation logs are kept, and how big they may grow. The purge is called directly: no waiting.</summary>
public sealed class DirectLineRetentionTests : DirectLineTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:Retention"] = "02:00:00",
        ["Channels:DirectLine:TokenLifetime"] = "1.00:00:00",
        ["Channels:DirectLine:MaxActivitiesPerConversation"] = "5",
        ["Channels:DirectLine:UploadsEnabled"] = "true",
    };

    private DirectLineConversationStore Store => Host.Get<DirectLineConversationStore>();

    [Fact]
    public async Task Purge_ConversationIdleLongerThanRetention_IsDeleted()
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        var purged = Store.Purge();

        Assert.Equal(new DirectLinePurgeResult(1, 1), purged);
        var answer = await Client.GetActivitiesAsync(conversation.ConversationId, DirectLineHost.Secret);
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Purge_RecentConversation_IsKept()
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(new DirectLinePurgeResult(0, 0), Store.Purge());
        Assert.Single((await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Activities);
    }

    [Fact]
    public async Task Purge_ActiveConversation_DropsOnlyActivitiesOlderThanRetention()
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromHours(3));

        // The first token's chain ended with the retention period; the site's backend (the secret) carries on.
        await Client.PostAsync(conversation.ConversationId, DirectLineHost.Secret, DirectLineClient.WebChatMessage("later", "c1"));

        Assert.Equal(new DirectLinePurgeResult(0, 1), Store.Purge());

        var log = await Client.GetActivitiesAsync(conversation.ConversationId, DirectLineHost.Secret);
        Assert.Equal(["later", "You said: later"], log.Activities.Select(a => a.Text));
        Assert.Equal("3", log.Watermark);
    }

    [Fact]
    public async Task Purge_UploadedFilesGoWithTheirActivity()
    {
        var conversation = await Client.StartWithTokenAsync();
        using var form = Uploads.Form(Uploads.Activity("c1", ("a.txt", "text/plain", 2)), ("a.txt", "text/plain", "hi"u8.ToArray()));
        await Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Root}/conversations/{conversation.ConversationId}/upload", conversation.Token, form);
        var url = Bot.Received.Single(a => a.Type == ActivityTypes.Message).Attachments![0].ContentUrl;
        Clock.Advance(TimeSpan.FromHours(3));

        Store.Purge();

        using var response = await Client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Purge_OpenStream_IsClosedAndReconnectSaysEnded()
    {
        var conversation = await Client.StartWithTokenAsync();
        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        await socket.ReceiveActivitiesAsync(1, Guard);
        Clock.Advance(TimeSpan.FromHours(3));

        Store.Purge();

        var closed = await socket.ReceiveCloseAsync(Guard);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, closed.CloseStatus);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.ReconnectAsync(conversation.ConversationId, DirectLineHost.Secret)).Status);
    }

    [Fact]
    public async Task Log_AboveItsBound_DropsTheOldestActivities()
    {
        var conversation = await Client.StartWithTokenAsync();
        for (var i = 1; i <= 3; i++)
        {
            await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage($"m{i}", $"c{i}"));
        }

        var log = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);

        Assert.Equal(["You said: m1", "m2", "You said: m2", "m3", "You said: m3"], log.Activities.Select(a => a.Text));
        Assert.Equal("7", log.Watermark);
    }

    [Fact]
    public void RetentionJob_RunsAsHostedService()
    {
        Assert.Single(Host.Get<IEnumerable<IHostedService>>().OfType<DirectLineRetentionService>());
    }
}
