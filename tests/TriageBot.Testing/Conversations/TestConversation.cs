using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Testing.Conversations;

/// <summary>
/// A conversation with a bot, in process, through the real turn runner and state store: each line the user says
/// is one turn, and the turn returns the bot's replies. No HTTP, no clocks, no sleeps.
/// </summary>
public sealed class TestConversation
{
    private readonly TurnRunner _runner;
    private int _sequence;

    public TestConversation(IBot bot, IStateStore? store = null, string channelId = ChannelIds.Test, string? conversationId = null, string? conversationType = null)
    {
        Store = store ?? new InMemoryStateStore();
        var pipeline = new TurnPipeline(
            [new TurnErrorMiddleware(new TurnErrorOptions(), NullLogger<TurnErrorMiddleware>.Instance), new RemoveRecipientMentionMiddleware()],
            bot);
        _runner = new TurnRunner(Store, pipeline, new TurnRunnerOptions(), NullLogger<TurnRunner>.Instance);
        Conversation = new ConversationAccount
        {
            Id = conversationId ?? Guid.NewGuid().ToString("N"),
            ConversationType = conversationType,
            IsGroup = conversationType is "groupChat" or "channel" ? true : null,
        };
        ChannelId = channelId;
    }

    public IStateStore Store { get; }

    public ConversationAccount Conversation { get; }

    public string ChannelId { get; }

    public ChannelAccount User { get; set; } = new() { Id = "user-1", Name = "Pat", Role = RoleTypes.User };

    public ChannelAccount Bot { get; } = new() { Id = "bot-1", Name = "Clinic Bot", Role = RoleTypes.Bot };

    /// <summary>Every reply the bot has sent so far, in order.</summary>
    public List<Activity> Transcript { get; } = [];

    /// <summary>The user says <paramref name="text"/>; returns the bot's replies to it.</summary>
    public Task<IReadOnlyList<Activity>> SayAsync(string text) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    /// <summary>Sends any activity, addressed as from the user.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var n = Interlocked.Increment(ref _sequence);
        var stamped = activity with
        {
            Id = activity.Id ?? $"{Conversation.Id}|{n:D7}",
            ChannelId = ChannelId,
            Conversation = Conversation,
            From = activity.From ?? User,
            Recipient = Bot,
            ServiceUrl = "http://localhost:1",
            Locale = activity.Locale ?? "en-GB",
        };
        var result = await _runner.RunAsync(stamped, sender: null, CancellationToken.None);
        lock (Transcript)
        {
            Transcript.AddRange(result.Replies);
        }

        return result.Replies;
    }

    /// <summary>The user says <paramref name="text"/> and the bot's text replies are returned, joined by new lines.</summary>
    public async Task<string> AskAsync(string text) =>
        string.Join('\n', (await SayAsync(text)).Select(a => a.Text ?? TextOfCard(a)));

    private static string TextOfCard(Activity activity) =>
        activity.Attachments is [{ Content: { } content }, ..] && content.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
}
