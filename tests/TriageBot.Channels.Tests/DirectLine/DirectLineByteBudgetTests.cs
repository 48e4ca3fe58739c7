using TriageBot.Channels.DirectLine;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>
/// Bytes held: each conversation within its own budget (oldest activities first), and all of them within the
/// total, which is restored by trimming the conversations holding more than their share, never the small ones.
/// </summary>
public sealed class DirectLineByteBudgetTests : DirectLineTest
{
    private const long PerConversation = 20 * 1024;
    private const long Total = 4 * 12 * 1024;

    private static readonly string Big = new('x', 3000);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:MaxActivityBytes"] = "4096",
        ["Channels:DirectLine:MaxBytesPerConversation"] = $"{PerConversation}",
        ["Channels:DirectLine:MaxConversations"] = "4",
        ["Channels:DirectLine:MaxTotalBytes"] = $"{Total}",
        ["Channels:DirectLine:PostRateLimit:TokenLimit"] = "100",
    };

    private DirectLineConversationStore Store => Host.Get<DirectLineConversationStore>();

    [Fact]
    public async Task Conversation_AboveItsByteBudget_DropsTheOldestActivities()
    {
        var conversation = await Client.StartWithTokenAsync();

        for (var i = 1; i <= 4; i++)
        {
            await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage($"{i}{Big}", $"c{i}"));
        }

        var log = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        Assert.DoesNotContain(log.Activities, a => a.Text == RecordingBot.Welcome);
        Assert.Equal($"You said: 4{Big}", log.Activities[^1].Text);
        Assert.Equal("9", log.Watermark);
        Assert.InRange(Store.Find(conversation.ConversationId)!.Bytes, 0, PerConversation);
    }

    [Fact]
    public async Task TotalAboveTheCap_ConversationsOverTheirShareAreTrimmed_SmallOnesKeepEverything()
    {
        var patient = await Client.StartWithTokenAsync("dl_patient");
        await Client.PostAsync(patient.ConversationId, patient.Token, DirectLineClient.WebChatMessage("my back hurts", "p1", "dl_patient"));

        foreach (var user in new[] { "dl_flood1", "dl_flood2", "dl_flood3" })
        {
            var flood = await Client.StartWithTokenAsync(user);
            for (var i = 1; i <= 3; i++)
            {
                await Client.PostAsync(flood.ConversationId, flood.Token, DirectLineClient.WebChatMessage(Big, $"{user}-{i}", user));
            }
        }

        Assert.InRange(Store.Bytes, 0, Total);
        var log = await Client.GetActivitiesAsync(patient.ConversationId, patient.Token);
        Assert.Equal([RecordingBot.Welcome, "my back hurts", "You said: my back hurts"], log.Activities.Select(a => a.Text));
    }
}
