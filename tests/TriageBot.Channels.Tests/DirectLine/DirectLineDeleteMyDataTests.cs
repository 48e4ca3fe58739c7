using System.Net;
using System.Net.WebSockets;
using TriageBot.Runtime.State;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>
/// "Delete my data" over Direct Line, with the real triage bot: once confirmed, the conversation's transcript goes
/// and every token and stream URL for it stops working; the confirmation still reaches the open chat.
/// </summary>
public sealed class DirectLineDeleteMyDataTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(60));

    private DirectLineHost Host { get; set; } = null!;

    private DirectLineClient Client => Host.Client;

    private CancellationToken Guard => _guard.Token;

    public async Task InitializeAsync() => Host = await DirectLineHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public void Dispose()
    {
        _guard.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task DeleteMyData_Confirmed_TheOldTokenCanNoLongerReadRefreshOrStream()
    {
        var conversation = await Client.StartWithTokenAsync("dl_patient");
        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        await AskToDeleteAsync(conversation);

        // A stream URL handed out before the deletion, not yet used.
        var spare = new Uri((await Client.ReconnectAsync(conversation.ConversationId, conversation.Token)).Json.GetProperty("streamUrl").GetString()!);
        var confirmed = await Say(conversation, "yes", "c3");

        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.RefreshTokenAsync(conversation.Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.ReconnectAsync(conversation.ConversationId, conversation.Token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await DirectLineSocket.RefusedStatusAsync(spare, Guard));
        Assert.Equal(HttpStatusCode.NotFound, (await Say(conversation, "hello again", "c4")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.StartAsync(conversation.Token)).Status);
        Assert.Single(Host.Logs.WithEvent("DirectLineConversationErased"));
    }

    [Fact]
    public async Task DeleteMyData_Confirmed_TheConfirmationReachesTheOpenChatThenTheStreamEnds()
    {
        var conversation = await Client.StartWithTokenAsync("dl_patient");
        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        await AskToDeleteAsync(conversation);
        var yes = (await Say(conversation, "yes", "c3")).Json.GetProperty("id").GetString();

        var seen = new List<Activity>();
        StreamFrame frame;
        while (!(frame = await socket.ReceiveAsync(Guard)).IsClose)
        {
            seen.AddRange(frame.Activities);
        }

        var afterYes = seen.SkipWhile(a => a.Id != yes).Skip(1).ToList();
        Assert.Contains(afterYes, a => a.Type == ActivityTypes.Message && a.From?.Role == RoleTypes.Bot && a.ReplyToId == yes);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, frame.CloseStatus);
        Assert.Equal("conversation ended", frame.CloseDescription);
    }

    [Fact]
    public async Task DeleteMyData_Confirmed_NoStateIsLeftForTheConversation()
    {
        var conversation = await Client.StartWithTokenAsync("dl_patient");
        await AskToDeleteAsync(conversation);
        await Say(conversation, "yes", "c3");
        await Say(conversation, "are you there?", "c4");

        var state = await Host.Get<IStateStore>().ReadAsync($"{ChannelIds.DirectLine}/conversations/{conversation.ConversationId}", Guard);

        Assert.Null(state);
    }

    [Fact]
    public async Task DeleteMyData_Declined_TheConversationAndItsTokenCarryOn()
    {
        var conversation = await Client.StartWithTokenAsync("dl_patient");
        await AskToDeleteAsync(conversation);
        await Say(conversation, "no", "c3");

        Assert.Equal(HttpStatusCode.OK, (await Client.RefreshTokenAsync(conversation.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Status);
        Assert.Empty(Host.Logs.WithEvent("DirectLineConversationErased"));
    }

    /// <summary>The triage has begun (the consent question is open) when the person asks to be forgotten.</summary>
    private async Task AskToDeleteAsync(StartedConversation conversation)
    {
        await Say(conversation, "hi", "c1");
        await Say(conversation, "delete my data", "c2");
    }

    private Task<DirectLineAnswer> Say(StartedConversation conversation, string text, string clientActivityId) =>
        Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage(text, clientActivityId, conversation.UserId));
}
