using System.Globalization;
using System.Text.RegularExpressions;
using TriageBot.Dialogs.Flow;
using TriageBot.Schema;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.AnswerSets;

/// <summary>How the person gives the answers of an <see cref="AnswerSet"/>.</summary>
public enum Answering
{
    /// <summary>Each button tapped in Web Chat (imBack: its title sent as text); the age and score typed as numbers.</summary>
    Tapped,

    /// <summary>Each button tapped in Teams or a card (postBack: its choice id sent as the value).</summary>
    PostBack,

    /// <summary>Each answer typed in the person's own words: one of the choice's synonyms from prompts.yaml.</summary>
    Typed,

    /// <summary>
    /// Each screen "yes" or "not sure" whose red flag has a free-text phrasing that the content reads as present
    /// (golden/red-flag-utterances.yaml) is written as that sentence instead; everything else tapped.
    /// </summary>
    FreeText,
}

/// <summary>
/// One whole triage through the real bot (real content, in process), answering every question it asks from an
/// <see cref="AnswerSet"/> in one <see cref="Answering"/> way. It knows which question is open by its words in the
/// content, so it follows the flow the dialogs choose. A red-flag check question ("you mentioned...") is answered no:
/// the answer set holds nothing more than its answers.
/// </summary>
internal sealed partial class AnsweredTriage
{
    private const int MaxTurns = 120;
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Phrasings = new(ReadPhrasings);

    private readonly AnswerSet _set;
    private readonly Answering _how;
    private readonly Dictionary<string, int> _given = [];
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    private AnsweredTriage(AnswerSet set, Answering how)
    {
        _set = set;
        _how = how;
        Chat = new TriageChat(set.Locale);
    }

    public TriageChat Chat { get; }

    /// <summary>Every outcome event of the conversation, in order, with the turn it came in.</summary>
    public List<(int Turn, TriageOutcome Outcome)> Outcomes { get; } = [];

    /// <summary>Every text the bot said.</summary>
    public IEnumerable<string> Said => Chat.Turns.SelectMany(t => t.Bot);

    /// <summary>The red flags written as a free-text sentence instead of a tapped answer.</summary>
    public int WrittenAsFreeText => _written.Count;

    /// <summary>Whether the last turn still left a question open (the walk ran out of turns).</summary>
    public bool LeftOpen { get; private set; }

    public static async Task<AnsweredTriage> RunAsync(AnswerSet set, Answering how)
    {
        var triage = new AnsweredTriage(set, how);
        await triage.WalkAsync();
        return triage;
    }

    /// <summary>The free-text sentences per red-flag rule that the content reads as that rule alone, present, and nothing else.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FreeTextFor => Phrasings.Value;

    /// <summary>The question open after <paramref name="replies"/>: the last reply that is a question (or its re-ask) from the content.</summary>
    public string? Asking(IReadOnlyList<string> replies)
    {
        foreach (var text in replies.Reverse())
        {
            var key = TriageWalk.PromptKeys.FirstOrDefault(k =>
                text.StartsWith(TriageChat.Catalog.Prompt(k, _set.Locale).Text, StringComparison.Ordinal)
                || (TriageChat.Catalog.Prompt(k, _set.Locale).Retry is { } retry && text.StartsWith(retry, StringComparison.Ordinal)));
            if (key is not null)
            {
                return key;
            }
        }

        return null;
    }

    private async Task WalkAsync()
    {
        var replies = await SendAsync("hi");
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            if (Asking(replies) is not { } asking)
            {
                return;
            }

            var times = _given.TryGetValue(asking, out var n) ? n : 0;
            _given[asking] = times + 1;
            replies = await AnswerAsync(asking, times);
        }

        LeftOpen = true;
    }

    private Task<IReadOnlyList<string>> AnswerAsync(string asking, int timesBefore)
    {
        var (answer, typedAs) = asking switch
        {
            Prompt.Consent => (Choices.Yes, null),
            _ when asking.StartsWith("prompt.check.", StringComparison.Ordinal) => (Choices.No, null),
            Prompt.Screen.Age => (_set.ScreenAnswer(asking), AgeTyped(_set.ScreenAnswer(asking))),
            Prompt.Pain.LocationMore => (Choices.Done, null),

            // Only a hedge ("I don't think so", a synonym of Not sure) opens the check: the answer stays Not sure.
            Prompt.Screen.HedgeCheck => (Choices.NotSure, null),
            Prompt.Screen.OnsetBefore45 => (_set.Onset, null),
            _ when TriageChatSteps.ScreenPrompts.Contains(asking) => (_set.ScreenAnswer(asking), null),
            Prompt.Pain.Spread => (_set.Spread, null),
            Prompt.Pain.Score => (null, _set.Score.ToString(CultureInfo.InvariantCulture)),
            Prompt.Pain.Duration => (_set.Duration, null),
            Prompt.Screen.Inflammatory => (_set.Stiffness, null),
            Prompt.Pain.Triggers => (Choices.Skip, null),
            Prompt.Numbness.Any => (_set.NumbnessAny, null),
            Prompt.Numbness.Where or Prompt.Numbness.WhereMore => (NextOf(TriageModel.PlacesAsked(_set.Places), Prompt.Numbness.Where, Prompt.Numbness.WhereMore), null),
            Prompt.Numbness.Worsening => (_set.Worsening, null),
            Prompt.Treatments.Pick or Prompt.Treatments.More =>
                (_set.Treatments.Count == 0 ? Choices.None : NextOf(_set.Treatments, Prompt.Treatments.Pick, Prompt.Treatments.More), null),
            Prompt.Treatments.Helped => (_set.Helped, null),
            _ => (Quiet(asking), null),
        };
        return Give(asking, answer, typedAs, timesBefore);
    }

    /// <summary>The next of several picks (places, treatments) across the first question and its "anything else?".</summary>
    private string NextOf(IReadOnlyList<string> picks, string first, string more)
    {
        var given = (_given.TryGetValue(first, out var a) ? a : 0) + (_given.TryGetValue(more, out var b) ? b : 0) - 1;
        return given < picks.Count ? picks[given] : Choices.Done;
    }

    private Task<IReadOnlyList<string>> Give(string asking, string? answer, string? typedAs, int timesBefore)
    {
        if (answer is null)
        {
            return SendAsync(typedAs!);
        }

        var choice = TriageChat.Catalog.Prompt(asking, _set.Locale).Choices.FirstOrDefault(c => c.Id == answer)
            ?? throw new InvalidOperationException($"{asking} has no choice '{answer}'.\n{Chat.Transcript()}");

        // A sentence already said this red flag: the re-asked question is answered no (the finding stays recorded).
        if (_how == Answering.FreeText && timesBefore > 0 && ScreenFinding(asking) is { } said && _written.Contains(said))
        {
            return SendAsync(TriageChat.Catalog.Prompt(asking, _set.Locale).Choices.Single(c => c.Id == Choices.No).Title);
        }

        return _how switch
        {
            Answering.PostBack => SubmitAsync(answer),
            Answering.Typed => SendAsync(typedAs ?? Pick(choice.Synonyms.Count > 0 ? choice.Synonyms : [choice.Title], asking)),
            Answering.FreeText when FreeTextAnswer(asking, answer) is { } sentence => SendAsync(sentence),
            _ => SendAsync(choice.Title),
        };
    }

    /// <summary>A positive screen answer whose red flag has a phrasing (once per red flag): that sentence.</summary>
    private string? FreeTextAnswer(string asking, string answer)
    {
        var finding = ScreenFinding(asking);
        if (!Choices.IsPositive(answer) || finding is null || !finding.StartsWith("redflag.", StringComparison.Ordinal)
            || !FreeTextFor.TryGetValue(finding["redflag.".Length..], out var sentences) || !_written.Add(finding))
        {
            return null;
        }

        return Pick(sentences, asking);
    }

    /// <summary>The finding a screen question records; null for any other question.</summary>
    private static string? ScreenFinding(string asking) =>
        RedFlagScreen.Order.FirstOrDefault(q => q.Prompt == asking)?.Finding;

    /// <summary>One of <paramref name="options"/>, chosen by the set's wording draw and the question (so it varies).</summary>
    private string Pick(IReadOnlyList<string> options, string asking) =>
        options[(int)((uint)(_set.Wording + asking.Length * 31) % (uint)options.Count)];

    /// <summary>Typed answers give the age as a number in the band (the band's first year onwards).</summary>
    private string? AgeTyped(string band) => _how == Answering.Typed
        ? (band switch
        {
            AgeBandPrompt.Under45 => 16 + (_set.Wording % 29),
            AgeBandPrompt.From45To49 => 45 + (_set.Wording % 5),
            AgeBandPrompt.From50To69 => 50 + (_set.Wording % 20),
            _ => 70 + (_set.Wording % 30),
        }).ToString(CultureInfo.InvariantCulture)
        : null;

    /// <summary>After the triage (education, referral): done, no.</summary>
    private static string Quiet(string asking)
    {
        var ids = TriageChat.Catalog.Prompt(asking, null).Choices.Select(c => c.Id).ToList();
        return ids.FirstOrDefault(id => id is Choices.Done or Choices.No or Choices.Skip or Choices.None) ?? ids[0];
    }

    private async Task<IReadOnlyList<string>> SendAsync(string text) => Note(await Chat.SayAsync(text));

    private async Task<IReadOnlyList<string>> SubmitAsync(string value)
    {
        var replies = await Chat.SubmitAsync(value);
        Chat.Turns.Add(($"[tap {value}]", [.. TriageChat.Texts(replies)]));
        return Note(replies);
    }

    private IReadOnlyList<string> Note(IReadOnlyList<Activity> replies)
    {
        foreach (var outcome in replies.Where(r => r.Type == ActivityTypes.Event && r.Name == Flow.Outcomes.EventName))
        {
            Outcomes.Add((Chat.Turns.Count - 1, TriageChat.Outcome([outcome])!));
        }

        return TriageChat.Texts(replies);
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadPhrasings()
    {
        var content = TriageChat.Catalog;
        var golden = File.ReadAllText(Path.Combine(RepoPaths.Content, "golden", "red-flag-utterances.yaml"));
        return Utterance().Matches(golden)
            .Where(m => m.Groups["kind"].Value == "positive")
            .Select(m => (Text: Regex.Unescape(m.Groups["text"].Value), Rule: m.Groups["rule"].Value))
            .Where(u => content.ReadRedFlags(u.Text) is { IsQuestion: false, Mentions.Count: 0, Present: [{ } hit] } && hit.RuleId == u.Rule)
            .GroupBy(u => u.Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, IReadOnlyList<string> (g) => [.. g.Select(u => u.Text)], StringComparer.Ordinal);
    }

    [GeneratedRegex("""text: "(?<text>(?:[^"\\]|\\.)*)", expect: (?<rule>[a-z-]+), kind: (?<kind>[a-z-]+)""")]
    private static partial Regex Utterance();
}
