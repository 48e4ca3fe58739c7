using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Referrals;
using TriageBot.Schema;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>How a button is tapped: its title sent as text (imBack), or its choice id sent as the value (postBack).</summary>
public enum Tap
{
    ImBack,
    PostBack,
}

/// <summary>
/// One whole triage through the real dialogs that taps one button of one question, answering every other question
/// the ordinary way (no, none, done; a referral by typing, so every answer ends up stored). It knows which question
/// is open by its words in the content, so it follows the flow the dialogs choose, not a script.
/// </summary>
internal sealed class TriageWalk
{
    private const int MaxTurns = 80;
    private const string HedgeCheck = "prompt.screen.hedge-check";
    private const string HedgedPrompt = "prompt.redflag.chest-pain";
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private readonly string _target;
    private readonly string _choice;
    private readonly Tap _tap;
    private bool _commanded;

    private TriageWalk(TriageChat chat, string target, string choice, Tap tap)
    {
        Chat = chat;
        _target = target;
        _choice = choice;
        _tap = tap;
    }

    public TriageChat Chat { get; }

    /// <summary>Every answer given, by prompt key, as choice ids in order (typed answers as the text typed).</summary>
    public Dictionary<string, List<string>> Given { get; } = [];

    /// <summary>The bot's replies to the tap itself.</summary>
    public IReadOnlyList<Activity> TapReplies { get; private set; } = [];

    /// <summary>Every reply of the whole walk.</summary>
    public List<Activity> All { get; } = [];

    public string? Summary => Texts(All).LastOrDefault(t => t.StartsWith(Chat.T("summary.title"), StringComparison.Ordinal));

    public TriageOutcome? Outcome => TriageChat.Outcome(All);

    /// <summary>The referral stored at the end (its answers are the recorded values), or null.</summary>
    public ReferralRecord? Referral { get; private set; }

    /// <summary>The answers as stored with the referral.</summary>
    public TriageState? Stored => Referral is null ? null : JsonSerializer.Deserialize<TriageState>(Referral.SummaryJson, WebJson);

    /// <summary>The contact details stored with the referral (name, contact, time).</summary>
    public Dictionary<string, string>? StoredDetails => Referral is null
        ? null
        : JsonSerializer.Deserialize<Dictionary<string, string>>(Chat.Protector.Unprotect(Referral.ProtectedContact));

    /// <summary>All prompt keys in the content, to tell which question is open.</summary>
    public static IReadOnlyList<string> PromptKeys { get; } = [.. ContentKeys.PromptChoices.Keys];

    public static async Task<TriageWalk> RunAsync(string locale, string target, string choice, Tap tap)
    {
        // Check questions follow a mention: "mention {rule}" is read as one (someone else) for every rule.
        var mentions = new MentionReader([.. Catalog.RedFlags.Select(r => ($"mention {r.Id}", r.Id, MentionReason.Other))]);
        var walk = new TriageWalk(new TriageChat(locale, reader: mentions), target, choice, tap);
        await walk.WalkAsync();
        return walk;
    }

    public IReadOnlyList<string> GivenTo(string promptKey) => Given.TryGetValue(promptKey, out var ids) ? ids : [];

    private async Task WalkAsync()
    {
        var replies = await SendAsync("hi");
        for (var turn = 0; turn < MaxTurns; turn++)
        {
            var asking = Asking(replies);
            if (asking is null)
            {
                if (replies.Any(r => r.Attachments?.Any(a => a.ContentType == "application/vnd.microsoft.card.adaptive") == true))
                {
                    replies = await SendAsync("I'd rather type");
                    continue;
                }

                break;
            }

            if (Command(asking) is { } command)
            {
                replies = await SendAsync(command);
                continue;
            }

            if (asking == _target && TapReplies.Count == 0)
            {
                Record(asking, _choice);
                if (_target == HedgeCheck)
                {
                    // The check is about the chest-pain question: its answer is this tap.
                    Record(HedgedPrompt, _choice);
                }

                replies = TapReplies = await TapAsync();
                continue;
            }

            replies = await AnswerAsync(asking);
        }

        if (TapReplies.Count == 0)
        {
            throw new InvalidOperationException(
                $"The walk never reached {_target} ({Chat.Locale}): if it is asked only after certain answers, add them to "
                + $"{nameof(TriageWalk)}.{nameof(ChoiceFor)}. Last replies: {string.Join(" | ", Texts(replies))}");
        }

        if (Texts(All).LastOrDefault(t => t.Contains("TB-", StringComparison.Ordinal)) is { } saved)
        {
            Referral = await Chat.Referrals.FindAsync(System.Text.RegularExpressions.Regex.Match(saved, "TB-[A-Z0-9]{8}").Value, CancellationToken.None);
        }
    }

    /// <summary>The question the bot is waiting on: the last reply that is a question from the content.</summary>
    private string? Asking(IReadOnlyList<Activity> replies)
    {
        foreach (var text in Texts(replies).Reverse())
        {
            var key = PromptKeys.FirstOrDefault(k =>
                text.StartsWith(Catalog.Prompt(k, Chat.Locale).Text, StringComparison.Ordinal)
                || (Catalog.Prompt(k, Chat.Locale).Retry is { } retry && text.StartsWith(retry, StringComparison.Ordinal)));
            if (key is not null)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>Delete and restart are asked after their command, typed once at the first warning-sign question.</summary>
    private string? Command(string asking)
    {
        if (_commanded || !asking.StartsWith("prompt.redflag.", StringComparison.Ordinal))
        {
            return null;
        }

        _commanded = true;
        return _target switch
        {
            "prompt.delete.confirm" => "delete my data",
            "prompt.restart.confirm" => "start over",
            _ when _target.StartsWith("prompt.check.", StringComparison.Ordinal) => $"mention {_target["prompt.check.".Length..]}",
            _ => null,
        };
    }

    private Task<IReadOnlyList<Activity>> TapAsync()
    {
        if (_tap == Tap.PostBack)
        {
            return SubmitAsync(_choice);
        }

        var title = Chat.Title(_target, _choice);
        return SendAsync(title);
    }

    /// <summary>The ordinary answer, or the one that leads on to the question under test.</summary>
    private Task<IReadOnlyList<Activity>> AnswerAsync(string asking)
    {
        var typed = asking switch
        {
            "prompt.pain.score" => "5",
            "prompt.referral.name" => "Pat Doe",
            "prompt.referral.contact" => "pat@example.org",
            // A polite "I don't think so" on an emergency question is asked about once (the check under test).
            HedgedPrompt when _target == HedgeCheck => "I don't think so",
            _ => null,
        };
        if (typed is not null)
        {
            Record(asking, typed);
            return SendAsync(typed);
        }

        var id = ChoiceFor(asking);
        Record(asking, id);
        return SendAsync(Chat.Title(asking, id));
    }

    private string ChoiceFor(string asking)
    {
        var toNumbness = _target is "prompt.numbness.where" or "prompt.numbness.where-more" or "prompt.numbness.worsening";
        var toMore = _target is "prompt.treatments.more" or "prompt.treatments.helped";
        return asking switch
        {
            "prompt.consent" => Choices.Yes,
            "prompt.redflag.weakness" when _target is "prompt.redflag.weakness-rapid" or "prompt.redflag.weakness-both" or "prompt.redflag.weakness-sudden" => Choices.Yes,
            "prompt.redflag.weakness-rapid" when _target is "prompt.redflag.weakness-both" or "prompt.redflag.weakness-sudden" => Choices.No,
            "prompt.redflag.weakness-both" when _target == "prompt.redflag.weakness-sudden" => Choices.No,
            "prompt.redflag.fever" when _target == "prompt.redflag.fever-severe" => Choices.Yes,
            // Questions the screen asks only after certain answers (RedFlagScreen.Order, AskedWhen).
            "prompt.screen.age" when _target is "prompt.screen.aaa-known" or "prompt.redflag.aaa" or "prompt.screen.aaa-pulsing" => "50-to-69",
            "prompt.screen.aaa-known" when _target == "prompt.redflag.aaa" => Choices.Yes,
            "prompt.redflag.immune" when _target is "prompt.screen.chemo" or "prompt.redflag.chemo-unwell" => Choices.Yes,
            "prompt.screen.chemo" when _target == "prompt.redflag.chemo-unwell" => Choices.Yes,
            "prompt.screen.minor-injury" when _target == "prompt.screen.bones" => Choices.Yes,
            "prompt.screen.recent-procedure" when _target == "prompt.redflag.post-op" => Choices.Yes,
            "prompt.pain.duration" when _target is "prompt.screen.inflammatory" or "prompt.screen.onset-before-45" => "over-12-weeks",
            "prompt.screen.age" when _target == "prompt.screen.onset-before-45" => "45-to-49",
            "prompt.pain.location" => _target == "prompt.pain.location-more" && _choice == "neck" ? "upper-back" : "neck",
            "prompt.numbness.any" when toNumbness => Choices.Yes,
            "prompt.numbness.where" => _target == "prompt.numbness.where-more" && _choice == "arm-hand" ? "leg-foot" : "arm-hand",
            "prompt.treatments.pick" when toMore => _choice == "painkillers" ? "physio" : "painkillers",
            "prompt.referral.offer" or "prompt.referral.consent" => Choices.Yes,
            "prompt.referral.time" => "any",
            _ => Ordinary(asking),
        };
    }

    /// <summary>No, else none, done or skip, else the first choice.</summary>
    private string Ordinary(string asking)
    {
        var ids = Catalog.Prompt(asking, Chat.Locale).Choices.Select(c => c.Id).ToList();
        return ids.FirstOrDefault(id => id is Choices.No) ?? ids.FirstOrDefault(id => id is Choices.None or Choices.Done or Choices.Skip) ?? ids[0];
    }

    private void Record(string promptKey, string answer)
    {
        if (!Given.TryGetValue(promptKey, out var list))
        {
            Given[promptKey] = list = [];
        }

        list.Add(answer);
    }

    private async Task<IReadOnlyList<Activity>> SendAsync(string text)
    {
        var replies = await Chat.SayAsync(text);
        All.AddRange(replies);
        return replies;
    }

    private async Task<IReadOnlyList<Activity>> SubmitAsync(string value)
    {
        var replies = await Chat.SubmitAsync(value);
        All.AddRange(replies);
        return replies;
    }
}
