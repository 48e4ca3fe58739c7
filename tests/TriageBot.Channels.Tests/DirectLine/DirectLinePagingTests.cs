using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>Polls and stream frames carry a page at a time; the watermarks lead a client through everything, once.</summary>
public sealed class DirectLinePagingTests : DirectLineTest
{
    private const int PageSize = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:MaxActivitiesPerPage"] = $"{PageSize}",
        ["Runtime:ShowTyping:Delay"] = "01:00:00",
    };

    [Fact]
    public async Task Polling_LongLog_PagesWhoseWatermarksReadEverythingOnceInOrder()
    {
        var conversation = await PostFourMessagesAsync();
        var read = new List<Activity>();
        var pages = new List<(int Count, string? Watermark)>();
        string? watermark = null;

        while (true)
        {
            var page = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, watermark);
            pages.Add((page.Activities.Count, page.Watermark));
            read.AddRange(page.Activities);
            if (page.Activities.Count == 0)
            {
                break;
            }

            watermark = page.Watermark;
        }

        Assert.Equal([(3, "3"), (3, "6"), (3, "9"), (0, "9")], pages);
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"{conversation.ConversationId}|{i:D7}"), read.Select(a => a.Id));
    }

    [Fact]
    public async Task Stream_Backlog_ArrivesInFramesOfAPage()
    {
        var conversation = await PostFourMessagesAsync();

        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        var frames = new List<StreamFrame>();
        while (frames.Sum(f => f.Activities.Count) < 9)
        {
            var frame = await socket.ReceiveAsync(Guard);
            if (!frame.IsKeepAlive)
            {
                frames.Add(frame);
            }
        }

        Assert.Equal(["3", "6", "9"], frames.Select(f => f.Watermark));
        Assert.All(frames, f => Assert.Equal(PageSize, f.Activities.Count));
    }

    /// <summary>The welcome, then four messages and their replies: nine activities.</summary>
    private async Task<StartedConversation> PostFourMessagesAsync()
    {
        var conversation = await Client.StartWithTokenAsync();
        for (var i = 1; i <= 4; i++)
        {
            await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage($"m{i}", $"c{i}"));
        }

        return conversation;
    }
}
