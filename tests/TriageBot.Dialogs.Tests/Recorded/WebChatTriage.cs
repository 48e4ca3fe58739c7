using System.Text.Json;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;
using Keys = TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// One person's triage in Web Chat over real HTTP: a Direct Line conversation with the real host (real Kestrel on
/// loopback; the SQLite file and the key ring in the host's temporary folder). The person answers whatever the bot
/// asks as <see cref="PatientSays"/> says, tapping the button with those words or typing them, and fills in the
/// referral card as Web Chat submits it (or types instead). The bot's question is known by its words in the content,
/// so the run follows the flow the dialogs choose; a re-ask (an answer not understood) fails at once. The host, and
/// its folder, go when the triage is disposed.
/// </summary>
internal sealed class WebChatTriage : IAsyncDisposable
{
    private const int MaxTurns = 90;

    /// <summary>How long a whole triage may take on a loaded machine before the run gives up.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    private readonly DirectLinePatient _patient;
    private readonly PatientSays _says;
    private readonly Queue<string> _places;
    private readonly Queue<string> _treatments;
    private int _seen;

    private WebChatTriage(DirectLineHost host, PatientSays says)
    {
        Host = host;
        _says = says;
        Content = host.Get<IContentCatalog>();
        _patient = new DirectLinePatient(host.Client, $"dl_{Guid.NewGuid():N}") { Locale = says.Locale };
        _places = new Queue<string>(says.NumbIn);
        _treatments = new Queue<string>(says.Tried);
    }

    public DirectLineHost Host { get; }

    /// <summary>The content the host speaks from (the words on its buttons).</summary>
    public IContentCatalog Content { get; }

    public string Locale => _says.Locale;

    /// <summary>Every answer the person gave, in order: the question (prompt key) and the words sent.</summary>
    public List<(string Question, string Words)> Answers { get; } = [];

    /// <summary>What the bot sent: messages, cards and events (typing is not kept).</summary>
    public IReadOnlyList<Activity> FromBot => [.. _patient.Transcript.Where(a => a.From?.Role == RoleTypes.Bot)];

    public IReadOnlyList<string> BotTexts => [.. FromBot.Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text)).Select(a => a.Text!)];

    /// <summary>The summary shown at the end (exactly one).</summary>
    public string Summary
    {
        get
        {
            var title = Content.Text(Keys.Summary.Title, Locale);
            var summaries = BotTexts.Where(t => t.StartsWith(title, StringComparison.Ordinal)).ToList();
            Assert.True(summaries.Count == 1, $"Expected one summary, the bot showed {summaries.Count}:\n{Transcript}");
            return summaries[0];
        }
    }

    private string? SummaryOrNull => BotTexts.FirstOrDefault(t => t.StartsWith(Content.Text(Keys.Summary.Title, Locale), StringComparison.Ordinal));

    /// <summary>The <c>triage.outcome</c> event (exactly one per triage).</summary>
    public TriageOutcome Outcome
    {
        get
        {
            var events = FromBot.Where(a => a.Type == ActivityTypes.Event && a.Name == "triage.outcome").ToList();
            Assert.True(events.Count == 1, $"Expected one triage.outcome event, the bot sent {events.Count}:\n{Transcript}");
            return events[0].Value!.Value.Deserialize(TriageJsonContext.Default.TriageOutcome)!;
        }
    }

    /// <summary>The reference the bot told the person when it saved the referral; null when it saved none.</summary>
    public string? ShownReference =>
        (ContentTemplate.Read(Content, Keys.Referral.Saved, Locale, BotTexts, Keys.Args.Reference)
            ?? ContentTemplate.Read(Content, Keys.Referral.SavedNotSent, Locale, BotTexts, Keys.Args.Reference))?[Keys.Args.Reference];

    /// <summary>The conversation as text: "&gt;" what the person sent, "&lt;" what the bot sent (the summary whole, others to 200 characters).</summary>
    public string Transcript
    {
        get
        {
            var summary = SummaryOrNull;
            return string.Join("\n", _patient.Transcript.Select(a => Line(a, summary)));
        }
    }

    private static string Line(Activity a, string? summary) => a switch
    {
        { From.Role: RoleTypes.User, Type: ActivityTypes.Event } => $"> [{a.Name}] {a.Value?.GetRawText()}",
        { From.Role: RoleTypes.User, Value: { } value } when a.Text is null => "> [card] " + value.GetRawText(),
        { From.Role: RoleTypes.User } => "> " + a.Text,
        { Type: ActivityTypes.Event } => $"< [{a.Name}] {a.Value?.GetRawText()}",
        { Attachments.Count: > 0 } when a.Text is null => "< [card]",
        _ when a.Text == summary => "< " + a.Text,
        _ => "< " + (a.Text is { Length: > 200 } text ? text[..200] + "..." : a.Text),
    };

    /// <summary>Starts a host of its own and talks to it until the triage ends (a generous timeout, never a timed assertion).</summary>
    public static async Task<WebChatTriage> RunAsync(PatientSays says)
    {
        using var timeout = new CancellationTokenSource(Generous);
        var triage = new WebChatTriage(await DirectLineHost.StartAsync(), says);
        try
        {
            await triage.WalkAsync(timeout.Token);
            return triage;
        }
        catch
        {
            await triage.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private async Task WalkAsync(CancellationToken cancellationToken)
    {
        await _patient.BeginAsync(cancellationToken);
        for (var turn = 0; ; turn++)
        {
            Assert.True(turn < MaxTurns, $"The triage did not end after {MaxTurns} answers:\n{Transcript}");
            var last = Fresh().LastOrDefault(a => a.Type == ActivityTypes.Message);
            if (last?.Attachments?.Any(a => a.ContentType == AttachmentContentTypes.AdaptiveCard) == true)
            {
                await AnswerCardAsync(cancellationToken);
                continue;
            }

            if (Asking(last?.Text) is not { } question)
            {
                break;
            }

            var words = AnswerTo(question);
            Answers.Add((question, words));
            await _patient.AnswerAsync([words], cancellationToken);
        }

        AssertEverythingWasSaid();
    }

    /// <summary>The bot's activities since the last look.</summary>
    private List<Activity> Fresh()
    {
        var all = _patient.Transcript;
        var fresh = all.Skip(_seen).Where(a => a.From?.Role == RoleTypes.Bot).ToList();
        _seen = all.Count;
        return fresh;
    }

    /// <summary>The question a message asks (the longest prompt text it starts with); a re-ask fails the run.</summary>
    private string? Asking(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var prompts = Keys.PromptChoices.Keys.Select(k => Content.Prompt(k, Locale)).ToList();
        if (prompts.FirstOrDefault(p => p.Retry is { } retry && retry != p.Text && text.StartsWith(retry, StringComparison.Ordinal)) is { } reasked)
        {
            Assert.Fail($"The bot did not understand the answer and asked {reasked.Key} again:\n{Transcript}");
        }

        return prompts.Where(p => text.StartsWith(p.Text, StringComparison.Ordinal)).MaxBy(p => p.Text.Length)?.Key;
    }

    private string AnswerTo(string question)
    {
        var referral = _says.Referral;
        return question switch
        {
            Keys.Prompt.Consent => Title(question, Choices.Yes),
            Keys.Prompt.Screen.Age => _says.Age,
            Keys.Prompt.Screen.Inflammatory => _says.InflammatoryPattern ?? Unanswerable(question),
            _ when IsScreenQuestion(question) => Title(question, _says.YesTo.Contains(question) ? Choices.Yes : Choices.No),
            Keys.Prompt.Pain.Location => _says.Pain.In,
            Keys.Prompt.Pain.LocationMore => Title(question, Choices.Done),
            Keys.Prompt.Pain.Spread => _says.Pain.Spreading,
            Keys.Prompt.Pain.Score => _says.Pain.Score,
            Keys.Prompt.Pain.Duration => _says.Pain.For,
            Keys.Prompt.Pain.Triggers => Title(question, Choices.Skip),
            Keys.Prompt.Numbness.Any => Title(question, _places.Count > 0 ? Choices.Yes : Choices.No),
            Keys.Prompt.Numbness.Where => _places.Count > 0 ? _places.Dequeue() : Unanswerable(question),
            Keys.Prompt.Numbness.WhereMore => _places.Count > 0 ? _places.Dequeue() : Title(question, Choices.Done),
            Keys.Prompt.Numbness.Worsening => _says.NumbnessWorsening ?? Unanswerable(question),
            Keys.Prompt.Treatments.Pick => _treatments.Count > 0 ? _treatments.Dequeue() : Title(question, Choices.None),
            Keys.Prompt.Treatments.More => _treatments.Count > 0 ? _treatments.Dequeue() : Title(question, Choices.Done),
            Keys.Prompt.Treatments.Helped => _says.Helped ?? Unanswerable(question),
            Keys.Prompt.Education.Menu => Title(question, Choices.Done),
            Keys.Prompt.Referral.Offer => Title(question, referral is null ? Choices.No : Choices.Yes),
            Keys.Prompt.Referral.Name => referral?.Name ?? Unanswerable(question),
            Keys.Prompt.Referral.Contact => referral?.Contact ?? Unanswerable(question),
            Keys.Prompt.Referral.Time => referral?.Time ?? Unanswerable(question),
            Keys.Prompt.Referral.Consent => Title(question, Choices.Yes),
            _ => Unanswerable(question),
        };
    }

    /// <summary>
    /// The referral card: filled in and submitted as Web Chat sends it (the time as its choice's value, consent
    /// ticked), or, for a person who types, a reply instead of the card, which brings the questions one by one.
    /// </summary>
    private async Task AnswerCardAsync(CancellationToken cancellationToken)
    {
        var referral = _says.Referral ?? throw new InvalidOperationException("The bot showed the referral card to a person who did not ask for one.");
        if (!referral.ByCard)
        {
            Answers.Add(("card", "I'd rather type"));
            await _patient.AnswerAsync(["I'd rather type"], cancellationToken);
            return;
        }

        var time = Content.Prompt(Keys.Prompt.Referral.Time, Locale).Choices.Single(c => c.Title == referral.Time).Id;
        Answers.Add((Keys.Prompt.Referral.Name, referral.Name));
        Answers.Add((Keys.Prompt.Referral.Contact, referral.Contact));
        Answers.Add((Keys.Prompt.Referral.Time, referral.Time));
        var card = new Dictionary<string, string>
        {
            ["kind"] = "triage.referral",
            ["name"] = referral.Name,
            ["contact"] = referral.Contact,
            ["time"] = time,
            ["consent"] = "true",
        };
        await _patient.SubmitAsync(JsonSerializer.SerializeToElement(card, TriageJsonContext.Default.DictionaryStringString), cancellationToken);
    }

    /// <summary>Every answer the script holds was asked for: nothing the person meant to say went unsaid.</summary>
    private void AssertEverythingWasSaid()
    {
        var asked = Answers.Select(a => a.Question).ToHashSet(StringComparer.Ordinal);
        var unsaid = _says.YesTo.Where(q => !asked.Contains(q))
            .Concat(_places.Select(p => $"numbness in '{p}'"))
            .Concat(_treatments.Select(t => $"treatment '{t}'"))
            .Concat(_says.InflammatoryPattern is not null && !asked.Contains(Keys.Prompt.Screen.Inflammatory) ? ["inflammatory back pain features"] : [])
            .Concat(_says.NumbnessWorsening is not null && !asked.Contains(Keys.Prompt.Numbness.Worsening) ? ["numbness getting worse"] : [])
            .Concat(_says.Helped is not null && !asked.Contains(Keys.Prompt.Treatments.Helped) ? ["whether treatments helped"] : [])
            .Concat(_says.Referral is not null && !asked.Contains(Keys.Prompt.Referral.Name) ? ["the referral"] : [])
            .ToList();
        Assert.True(unsaid.Count == 0, $"The bot never asked for: {string.Join(", ", unsaid)}\n{Transcript}");
    }

    private static bool IsScreenQuestion(string question) =>
        question.StartsWith("prompt.redflag.", StringComparison.Ordinal) || question.StartsWith("prompt.screen.", StringComparison.Ordinal);

    private string Title(string question, string choiceId) => Content.Prompt(question, Locale).Choices.Single(c => c.Id == choiceId).Title;

    private string Unanswerable(string question) =>
        throw new InvalidOperationException($"The bot asked {question}, which this person has no answer for:\n{Transcript}");
}
