using System.Globalization;
using System.Net;
using System.Text.Json;
using TriageBot.Schema;

namespace TriageBot.Testing.DirectLine;

/// <summary>
/// A patient walking the real triage flow over Direct Line REST, as Web Chat in polling mode does: a token from the
/// secret, the conversation, the <c>webchat/join</c> event, then each answer as the text of the suggested action
/// whose title it names (typed text when no button matches). Replies are read by polling from the watermark, page by
/// page. A 429 or 503 is waited out as its <c>Retry-After</c> says, as a well-behaved client does.
/// </summary>
public sealed class DirectLinePatient(DirectLineClient client, string userId)
{
    /// <summary>
    /// How many warning-sign questions the screen asks everyone with lower back pain after the age and pain-place
    /// questions (those asked only after certain answers, at 50 or over, or with neck pain excluded).
    /// TriageBot.Dialogs.Tests checks it against the screen's own table.
    /// </summary>
    public const int ScreenQuestionsAfterLocation = 21;

    /// <summary>
    /// Typed answers from the pain-place question (asked right after age) to the end of the screen, for someone under
    /// 50: lower back only ("no" to "anywhere else?"), then no to every warning sign.
    /// </summary>
    public static readonly IReadOnlyList<string> LowerBackNoWarningSigns =
        ["lower back", "no", .. Enumerable.Repeat("no", ScreenQuestionsAfterLocation)];

    /// <summary>
    /// Consent, age 45 to 49 (no age-only questions), lower back pain, no red flags, pain into one leg, 5/10, over 12
    /// weeks that started at 45 or over (no inflammatory features asked): the routine disposition.
    /// </summary>
    public static readonly IReadOnlyList<string> RoutineWalk =
    [
        "Yes, 16 or over", "45 to 49", "Lower back", "That's all", .. Enumerable.Repeat("No", ScreenQuestionsAfterLocation),
        "Into one leg", "5", "Over 12 weeks", "No", "Skip", "No", "Painkillers", "That's all", "No",
    ];

    private readonly List<Activity> _transcript = [];
    private (string ConversationId, string Token) _conversation;
    private string? _watermark;
    private int _sequence;

    /// <summary>Turns that completed (the POST answered 200), the join event included.</summary>
    public int Turns { get; private set; }

    /// <summary>
    /// How long each completed turn took, from the POST that was accepted to its answer (the replies are in the log
    /// by then); time spent waiting out a refusal is not part of it.
    /// </summary>
    public List<TimeSpan> TurnTimes { get; } = [];

    /// <summary>A pause before each answer, as a person reading the question takes (zero: answer at once).</summary>
    public TimeSpan ThinkTime { get; init; }

    /// <summary>
    /// The locale the page sends, as Web Chat's <c>locale</c> setting does: in the join event and every message.
    /// Null plays the recorded default client (joins as en-GB, then sends en-US).
    /// </summary>
    public string? Locale { get; init; }

    /// <summary>Answers of 429 or 503 that were waited out.</summary>
    public int Refusals { get; private set; }

    public IReadOnlyList<Activity> Transcript => _transcript;

    /// <summary>The <c>triage.outcome</c> level the bot has sent (null until it does).</summary>
    public string? Outcome =>
        _transcript.LastOrDefault(a => a.Type == ActivityTypes.Event && a.Name == "triage.outcome")?.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("level", out var level) ? level.GetString() : null;

    /// <summary>Walks <see cref="RoutineWalk"/> in a new conversation; returns the outcome level.</summary>
    public async Task<string?> WalkAsync(CancellationToken cancellationToken)
    {
        await BeginAsync(cancellationToken);
        await AnswerAsync(RoutineWalk, cancellationToken);
        return Outcome;
    }

    /// <summary>
    /// Submits an Adaptive Card as Web Chat does: a message with no text whose <c>value</c> holds the inputs and the
    /// action's data.
    /// </summary>
    public Task SubmitAsync(JsonElement value, CancellationToken cancellationToken)
    {
        using var channelData = JsonDocument.Parse($$"""{"clientActivityID":"patient-{{++_sequence}}"}""");
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "webchat",
            From = new ChannelAccount { Id = userId, Name = "Test user", Role = RoleTypes.User },
            Locale = Locale ?? "en-US",
            Value = value,
            ChannelData = channelData.RootElement.Clone(),
        };
        return SendAsync(JsonSerializer.Serialize(activity, SchemaJsonContext.Default.Activity), cancellationToken);
    }

    /// <summary>A token from the secret, the conversation, and the join event that brings the welcome.</summary>
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        var generated = await RetryAsync(() => client.GenerateTokenAsync(DirectLineHost.Secret, userId), cancellationToken);
        var started = await RetryAsync(() => client.StartAsync(generated.Json.GetProperty("token").GetString()!), cancellationToken);
        var json = started.Json;
        _conversation = (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!);
        await SendAsync(JoinEvent(), cancellationToken);
    }

    /// <summary>Answers in turn, each by its button's text when the bot offered one.</summary>
    public async Task AnswerAsync(IEnumerable<string> answers, CancellationToken cancellationToken)
    {
        foreach (var answer in answers)
        {
            if (ThinkTime > TimeSpan.Zero)
            {
                await Task.Delay(ThinkTime, cancellationToken);
            }

            await SendAsync(Message(ChoiceText(answer)), cancellationToken);
        }
    }

    private async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        var conversation = _conversation;
        var started = 0L;
        await RetryAsync(() =>
        {
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            return client.PostAsync(conversation.ConversationId, conversation.Token, json);
        }, cancellationToken);
        TurnTimes.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        Turns++;

        // Every page after the watermark: the POST answers once the turn's replies are stored.
        while (true)
        {
            var page = await RetryAsync(() => client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, _watermark), cancellationToken);
            var activities = page.Activities;
            _transcript.AddRange(activities);
            var more = page.Watermark != _watermark && activities.Count > 0;
            _watermark = page.Watermark;
            if (!more)
            {
                return;
            }
        }
    }

    /// <summary>The text of the newest bot button titled <paramref name="answer"/>, or the answer itself, typed.</summary>
    private string ChoiceText(string answer)
    {
        var buttons = _transcript.LastOrDefault(a => a.From?.Role == RoleTypes.Bot && a.SuggestedActions?.Actions is { Count: > 0 })?.SuggestedActions!.Actions!;
        var button = buttons?.FirstOrDefault(b => b.Title == answer);
        return button?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString()! : answer;
    }

    private async Task<DirectLineAnswer> RetryAsync(Func<Task<DirectLineAnswer>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await call();
            if (answer.Status is HttpStatusCode.OK or HttpStatusCode.Created)
            {
                return answer;
            }

            if (answer.Status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            {
                throw new InvalidOperationException($"The patient's request was answered {(int)answer.Status}: {answer.Body}");
            }

            Refusals++;
            var seconds = answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            await Task.Delay(seconds, cancellationToken);
        }
    }

    private string JoinEvent() =>
        $$"""{"type":"event","name":"webchat/join","value":{"language":"{{Locale ?? "en-GB"}}"},"from":{"id":"{{userId}}","role":"user"},"locale":"{{Locale ?? "en-GB"}}"}""";

    private string Message(string text) =>
        DirectLineClient.WebChatMessage(JsonEncodedText.Encode(text).ToString(), $"patient-{++_sequence}", userId, Locale ?? "en-US");

    /// <summary>For reports: the median and 95th percentile of turn times, in milliseconds.</summary>
    public static string Summarize(IEnumerable<TimeSpan> turnTimes)
    {
        var sorted = turnTimes.Select(t => t.TotalMilliseconds).Order().ToList();
        if (sorted.Count == 0)
        {
            return "no turns";
        }

        var p50 = sorted[sorted.Count / 2];
        var p95 = sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.95))];
        return string.Create(CultureInfo.InvariantCulture, $"p50={p50:F1}ms p95={p95:F1}ms");
    }
}
