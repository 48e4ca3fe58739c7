using System.Text.Json;
using TriageBot.Runtime.Tests.Support;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests;

/// <summary>Routing by activity type and the <c>adaptiveCard/action</c> invoke contract (protocol §1.4, §2.3).</summary>
public sealed class ActivityHandlerTests
{
    private const string ExecuteBook = """
        { "action": { "type": "Action.Execute", "id": "btnBook", "verb": "book", "data": { "slot": "2024-05-01T09:00" } },
          "trigger": "manual", "authentication": null, "state": null }
        """;

    [Fact]
    public async Task ConversationUpdate_BotAndUserAdded_WelcomesOnlyTheUser()
    {
        var bot = new RecordingHandler();
        var activity = Chat.Inbound(ActivityTypes.ConversationUpdate, ChannelIds.Emulator) with { MembersAdded = [Chat.Bot, Chat.User] };

        var turn = await RunAsync(bot, activity);

        Assert.Equal([Chat.User], Assert.Single(bot.MembersAdded));
        Assert.Equal(["Welcome, Dr. Ada Example."], turn.Replies.Select(r => r.Text));
    }

    [Fact]
    public async Task ConversationUpdate_OnlyTheBotAdded_MembersAddedNotCalled()
    {
        var bot = new RecordingHandler();

        var turn = await RunAsync(bot, Chat.Inbound(ActivityTypes.ConversationUpdate) with { MembersAdded = [Chat.Bot] });

        Assert.Empty(bot.MembersAdded);
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public async Task ConversationUpdate_TwoUsersAndTheBot_BothUsersInOneCall()
    {
        var bot = new RecordingHandler();

        await RunAsync(bot, Chat.Inbound(ActivityTypes.ConversationUpdate) with { MembersAdded = [Chat.User, Chat.Bot, Chat.Nurse] });

        Assert.Equal([Chat.User, Chat.Nurse], Assert.Single(bot.MembersAdded));
    }

    [Theory]
    [InlineData(ActivityTypes.Message, "message")]
    [InlineData(ActivityTypes.Event, "event")]
    [InlineData(ActivityTypes.EndOfConversation, "endOfConversation")]
    [InlineData(ActivityTypes.InstallationUpdate, "installationUpdate")]
    public async Task OnTurnAsync_KnownType_ReachesItsHook(string type, string hook)
    {
        var bot = new RecordingHandler();

        await RunAsync(bot, Chat.Inbound(type));

        Assert.Equal([hook], bot.Hooks);
    }

    [Theory]
    [InlineData("ping")]
    [InlineData("foo")]
    [InlineData("Message")]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData(ActivityTypes.MessageUpdate)]
    [InlineData(ActivityTypes.ContactRelationUpdate)]
    [InlineData(null)]
    public async Task OnTurnAsync_UnhandledType_NoRepliesNoHooksNoException(string? type)
    {
        var bot = new RecordingHandler();

        var turn = await RunAsync(bot, Chat.Inbound(type));

        Assert.Empty(turn.Replies);
        Assert.Empty(bot.Hooks);
        Assert.Null(turn.InvokeResponse);
    }

    [Fact]
    public async Task AdaptiveCardAction_ValidExecute_ReachesHookAndReturnsItsResponse()
    {
        var bot = new RecordingHandler();

        var turn = await RunAsync(bot, Chat.Invoke(AdaptiveCardInvoke.Name, ExecuteBook));

        Assert.Equal(["book"], bot.ExecutedVerbs);
        Assert.Equal(200, turn.InvokeResponse?.Status);
        AssertBody(turn.InvokeResponse, 200, AdaptiveCardInvoke.MessageType);
        Assert.Equal("Appointment booked", turn.InvokeResponse!.Body!.Value.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"book\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{ "action": "Action.Execute" }""")]
    [InlineData("""{ "trigger": "manual" }""")]
    public async Task AdaptiveCardAction_ValueOrActionMissing_BadRequest(string? valueJson)
    {
        var bot = new RecordingHandler();

        var turn = await RunAsync(bot, Chat.Invoke(AdaptiveCardInvoke.Name, valueJson));

        Assert.Empty(bot.ExecutedVerbs);
        Assert.Equal(400, turn.InvokeResponse?.Status);
        Assert.Equal("BadRequest", AssertBody(turn.InvokeResponse, 400, AdaptiveCardInvoke.ErrorType).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("Action.Submit")]
    [InlineData("Action.OpenUrl")]
    [InlineData("action.execute")]
    public async Task AdaptiveCardAction_NotActionExecute_NotSupported(string actionType)
    {
        var bot = new RecordingHandler();

        var turn = await RunAsync(bot, Chat.Invoke(AdaptiveCardInvoke.Name, $$"""{ "action": { "type": "{{actionType}}", "data": {} } }"""));

        Assert.Empty(bot.ExecutedVerbs);
        Assert.Equal("NotSupported", AssertBody(turn.InvokeResponse, 400, AdaptiveCardInvoke.ErrorType).GetProperty("code").GetString());
    }

    [Fact]
    public void AdaptiveCardInvokeError_Body_HasTheBotFrameworkErrorShape()
    {
        var response = AdaptiveCardInvoke.Error(400, "BadRequest", "Missing value property");

        Assert.Equal(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"Missing value property"}}""",
            response.Body?.GetRawText());
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("composeExtension/query")]
    [InlineData("signin/verifyState")]
    [InlineData("adaptiveCard/Action")]
    [InlineData(null)]
    public async Task Invoke_UnknownName_NoInvokeResponse(string? name)
    {
        var bot = new RecordingHandler();

        var turn = await RunAsync(bot, Chat.Invoke(name!, ExecuteBook));

        Assert.Null(turn.InvokeResponse);
        Assert.Empty(bot.ExecutedVerbs);
    }

    private static async Task<TurnContext> RunAsync(IBot bot, Activity activity)
    {
        var turn = new TurnContext(activity);
        await bot.OnTurnAsync(turn, CancellationToken.None);
        return turn;
    }

    /// <summary>Checks <c>{statusCode, type, value}</c> and returns <c>value</c>.</summary>
    private static JsonElement AssertBody(InvokeResponse? response, int status, string type)
    {
        var body = Assert.NotNull(response?.Body);
        Assert.Equal((status, type), (body.GetProperty("statusCode").GetInt32(), body.GetProperty("type").GetString()));
        return body.GetProperty("value");
    }

    /// <summary>A bot that records which hooks ran; it welcomes new members and books on <c>Action.Execute</c>.</summary>
    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Hooks { get; } = [];

        public List<IReadOnlyList<ChannelAccount>> MembersAdded { get; } = [];

        public List<string?> ExecutedVerbs { get; } = [];

        protected override Task OnMessageActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) => Record("message");

        protected override Task OnEventActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) => Record("event");

        protected override Task OnEndOfConversationActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) => Record("endOfConversation");

        protected override Task OnInstallationUpdateActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) => Record("installationUpdate");

        protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turnContext, CancellationToken cancellationToken)
        {
            MembersAdded.Add(membersAdded);
            foreach (var member in membersAdded)
            {
                turnContext.SendActivity($"Welcome, {member.Name}.");
            }

            return Task.CompletedTask;
        }

        protected override Task<InvokeResponse?> OnAdaptiveCardExecuteAsync(JsonElement action, TurnContext turnContext, CancellationToken cancellationToken)
        {
            ExecutedVerbs.Add(action.GetProperty("verb").GetString());
            return Task.FromResult<InvokeResponse?>(AdaptiveCardInvoke.Message("Appointment booked"));
        }

        private Task Record(string hook)
        {
            Hooks.Add(hook);
            return Task.CompletedTask;
        }
    }
}
