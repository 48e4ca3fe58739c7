using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.Tests.Support;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests;

/// <summary>A failing turn: the user gets one apology with an error id; the log gets the id, never the patient's words.</summary>
public sealed partial class TurnErrorMiddlewareTests : IDisposable
{
    private const string PatientText = "my bladder burns when I pee";

    private readonly LogSink _logs = new();

    [Fact]
    public async Task BotQueuesReplyThenThrows_QueuedReplyDiscarded_OneApologyWithErrorId()
    {
        var turn = await RunAsync(Chat.Message(PatientText), FailingBot(new InvalidOperationException($"Cannot classify '{PatientText}'")));

        var apology = Assert.Single(turn.Replies);
        Assert.Single(ErrorId().Matches(apology.Text!));
        Assert.DoesNotContain("Noted", apology.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bladder", apology.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BotThrows_Apology_AddressedToTheUser()
    {
        var turn = await RunAsync(Chat.Message(PatientText), FailingBot(new InvalidOperationException(PatientText)));

        var apology = Assert.Single(turn.Replies);
        Assert.Equal((ActivityTypes.Message, Chat.Bot, Chat.User, "1712345678901"), (apology.Type, apology.From, apology.Recipient, apology.ReplyToId));
    }

    [Theory]
    [MemberData(nameof(ExceptionsQuotingThePatient))]
    public async Task BotThrows_Log_HasErrorIdAndExceptionTypeButNotTheMessage(Exception exception)
    {
        var turn = await RunAsync(Chat.Message(PatientText), FailingBot(exception));

        var entry = Assert.Single(_logs.Entries);
        Assert.Equal((LogLevel.Error, 2000), (entry.Level, entry.EventId.Id));
        Assert.Contains(ErrorId().Match(turn.Replies[0].Text!).Value, entry.AllText, StringComparison.Ordinal);
        Assert.Contains(exception.GetType().FullName!, entry.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("bladder", entry.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.Null(entry.Exception);
    }

    public static TheoryData<Exception> ExceptionsQuotingThePatient =>
    [
        new InvalidOperationException($"Cannot classify '{PatientText}'"),
        new FormatException("Unexpected token in: my bladder burns"),
        new AggregateException("wrapper", new ArgumentException("my bladder burns", "text")),
        new HttpRequestException("POST https://nlu.example/?q=my%20bladder%20burns failed"),
    ];

    [Fact]
    public async Task InvokeThrows_InvokeResponse_Is500Error()
    {
        var bot = new TestBot(turn =>
        {
            turn.InvokeResponse = AdaptiveCardInvoke.Message("Appointment booked");
            throw new InvalidOperationException(PatientText);
        });

        var turn = await RunAsync(Chat.Invoke(AdaptiveCardInvoke.Name, """{ "action": { "type": "Action.Execute", "verb": "book" } }"""), bot);

        Assert.Equal(500, turn.InvokeResponse?.Status);
        var body = turn.InvokeResponse!.Body!.Value;
        Assert.Equal((500, AdaptiveCardInvoke.ErrorType), (body.GetProperty("statusCode").GetInt32(), body.GetProperty("type").GetString()));
        Assert.DoesNotContain("bladder", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MessageThrows_InvokeResponse_StaysNull()
    {
        var turn = await RunAsync(Chat.Message(PatientText), FailingBot(new InvalidOperationException()));

        Assert.Null(turn.InvokeResponse);
    }

    [Fact]
    public async Task BotSucceeds_RepliesPassThrough_NothingLogged()
    {
        var turn = await RunAsync(Chat.Message("hello"), TestBot.Replying("Hi, I'm the clinic triage assistant."));

        Assert.Equal(["Hi, I'm the clinic triage assistant."], turn.Replies.Select(r => r.Text));
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public async Task CallerCancelsTurn_CancellationPropagates_NoApology()
    {
        using var cancel = new CancellationTokenSource();
        var bot = new TestBot(async (_, ct) =>
        {
            await cancel.CancelAsync();
            ct.ThrowIfCancellationRequested();
        });
        var turn = new TurnContext(Chat.Message(PatientText));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pipeline(bot).RunAsync(turn, cancel.Token));

        Assert.Empty(turn.Replies);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public async Task BotTimesOutOnItsOwn_TaskCanceledException_HandledAsFailure()
    {
        var turn = await RunAsync(Chat.Message(PatientText), FailingBot(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout")));

        Assert.Single(turn.Replies);
        Assert.Single(_logs.Entries);
    }

    public void Dispose() => _logs.Dispose();

    /// <summary>A bot that starts answering, then fails.</summary>
    private static TestBot FailingBot(Exception exception) => new(turn =>
    {
        turn.SendActivity($"Noted: {turn.Activity.Text}");
        throw exception;
    });

    private TurnPipeline Pipeline(IBot bot) =>
        new([new TurnErrorMiddleware(new TurnErrorOptions(), _logs.CreateLogger<TurnErrorMiddleware>())], bot);

    private async Task<TurnContext> RunAsync(Activity activity, IBot bot)
    {
        var turn = new TurnContext(activity);
        await Pipeline(bot).RunAsync(turn, CancellationToken.None);
        return turn;
    }

    [GeneratedRegex(@"\b[0-9a-f]{8}\b")]
    private static partial Regex ErrorId();
}
