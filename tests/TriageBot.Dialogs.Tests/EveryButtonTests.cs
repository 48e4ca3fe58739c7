using TriageBot.Dialogs.Flow;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// Issue 9, item 4: every button of every question in dialogs/content/prompts.yaml (read through the content
/// catalog), in each locale, tapped in a whole triage through the real dialogs, both as Web Chat and Teams send an
/// imBack (the title as text) and as a postBack (the choice id as the value). Each tap must be understood at once and
/// recorded as exactly that choice: in the answers stored with the referral, in the summary line it feeds, and in
/// where the flow goes next.
/// </summary>
public sealed class EveryButtonTests
{
    private static readonly string[] Locales = ["en-GB", "en-US"];

    [Fact]
    public void EveryQuestionInPromptsYaml_IsOneTheWalkKnows()
    {
        var yaml = File.ReadAllLines(Path.Combine(RepoPaths.Content, "prompts.yaml"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, "^  (prompt\\.[a-z0-9.-]+):"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value);

        Assert.Equal(yaml.Order(StringComparer.Ordinal), TriageWalk.PromptKeys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Tap.ImBack)]
    [InlineData(Tap.PostBack)]
    public async Task EveryButton_OfEveryQuestion_InEachLocale_RecordsExactlyItself(Tap tap)
    {
        var failures = new List<string>();
        var checkedButtons = 0;
        foreach (var locale in Locales)
        {
            foreach (var key in TriageWalk.PromptKeys)
            {
                foreach (var choice in Catalog.Prompt(key, locale).Choices)
                {
                    var walk = await TriageWalk.RunAsync(locale, key, choice.Id, tap);
                    failures.AddRange(Check(walk, key, choice.Id).Select(f => $"{locale} {key} [{choice.Id}] {tap}: {f}"));
                    checkedButtons++;
                }
            }
        }

        Console.WriteLine($"[every-button] {tap}: {checkedButtons} buttons checked in {Locales.Length} locales, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedButtons >= 150, $"only {checkedButtons} buttons were checked");
    }

    /// <summary>
    /// The education menu's topic buttons come from education.yaml: each one offered, tapped, shows that topic, until
    /// none is left and the menu ends.
    /// </summary>
    [Theory]
    [InlineData("en-GB", Tap.ImBack)]
    [InlineData("en-GB", Tap.PostBack)]
    [InlineData("en-US", Tap.ImBack)]
    [InlineData("en-US", Tap.PostBack)]
    public async Task EveryEducationTopicButton_ShowsThatTopic(string locale, Tap tap)
    {
        var chat = new TriageChat(locale);
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.NoNumbnessAsync();
        var replies = await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));
        var topics = Catalog.Education(locale);
        var shown = new List<string>();

        while (Buttons(replies).Select(title => topics.FirstOrDefault(t => t.Title == title)).FirstOrDefault(t => t is not null) is { } topic)
        {
            replies = tap == Tap.ImBack ? await chat.SayAsync(topic.Title) : await chat.SubmitAsync(topic.Id);

            Assert.Equal(topic.Text, Texts(replies)[0]);
            shown.Add(topic.Id);
        }

        Assert.NotEmpty(shown);
        Assert.Equal(shown.Distinct(), shown);
        Assert.Contains(chat.T("education.done"), Texts(replies));
        Console.WriteLine($"[every-button] {locale} {tap}: {shown.Count} education topic buttons checked");
    }

    /// <summary>The titles of the buttons on the last reply that has any (suggested actions or a hero card).</summary>
    private static IReadOnlyList<string> Buttons(IEnumerable<Schema.Activity> replies)
    {
        foreach (var reply in replies.Reverse())
        {
            if (reply.SuggestedActions?.Actions is { Count: > 0 } actions)
            {
                return [.. actions.Select(a => a.Title ?? "")];
            }

            if (reply.Attachments is [{ ContentType: Schema.HeroCard.ContentType, Content: { } card }, ..] && card.TryGetProperty("buttons", out var buttons))
            {
                return [.. buttons.EnumerateArray().Select(b => b.GetProperty("title").GetString() ?? "")];
            }
        }

        return [];
    }

    /// <summary>What went wrong with one tap, if anything.</summary>
    private static IEnumerable<string> Check(TriageWalk walk, string key, string choice)
    {
        var chat = walk.Chat;
        var tapTexts = Texts(walk.TapReplies);
        foreach (var notAnAnswer in new[] { "reply.question", "reply.free-text", "not-understood" }.Where(k => tapTexts.Contains(chat.T(k))))
        {
            yield return $"the tap was not understood ({notAnAnswer})";
        }

        if (Catalog.Prompt(key, chat.Locale).Retry is { } retry && tapTexts.Contains(retry))
        {
            yield return "the tap was asked again";
        }

        var problems = key.StartsWith("prompt.check.", StringComparison.Ordinal)
            ? CheckMentionAnswer(walk, key, choice)
            : CheckSummary(walk).Concat(CheckStored(walk)).Concat(CheckBranch(walk, key, choice));
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }

    /// <summary>
    /// A check question (asked after a red flag is only mentioned): yes or not sure is that red flag, with its own
    /// advice at once; no carries on.
    /// </summary>
    private static IEnumerable<string> CheckMentionAnswer(TriageWalk walk, string key, string choice)
    {
        var chat = walk.Chat;
        var rule = Catalog.RedFlags.Single(r => r.CheckKey == key);
        var said = Texts(walk.TapReplies);
        if (Choices.IsPositive(choice) && !said.Contains(chat.T(rule.AdviceKey)))
        {
            yield return $"{choice} did not give {rule.AdviceKey}";
        }

        var carryOn = rule.Id == ContentKeys.RedFlagIds.SelfHarm ? ContentKeys.Check.SelfHarmNo : ContentKeys.Check.CarryOn;
        if (!Choices.IsPositive(choice) && !said.Contains(chat.T(carryOn)))
        {
            yield return "no did not carry on";
        }

        if (walk.Stored is { } stored && Choices.IsPositive(choice) != stored.Findings.Contains(ContentKeys.Findings.RedFlag(rule.Id)))
        {
            yield return $"stored findings do not match {choice} for {rule.Id}";
        }
    }

    /// <summary>Every summary line fed by an answer shows exactly the answers given.</summary>
    private static IEnumerable<string> CheckSummary(TriageWalk walk)
    {
        var chat = walk.Chat;
        if (walk.Summary is not { } summary)
        {
            if (!walk.GivenTo("prompt.delete.confirm").Contains(Choices.Yes)
                && !walk.GivenTo("prompt.consent").Any(c => c != Choices.Yes))
            {
                yield return "no summary at the end";
            }

            yield break;
        }

        foreach (var line in ExpectedLines(walk).Where(line => !summary.Contains(line, StringComparison.Ordinal)))
        {
            yield return $"summary lacks \"{line}\"";
        }

        foreach (var (rule, _) in PositiveRedFlags(walk).Where(r => !summary.Contains(Catalog.HazardName(r.Rule.Hazard), StringComparison.Ordinal)))
        {
            yield return $"summary lacks the warning sign {rule.Hazard}";
        }
    }

    private static IEnumerable<string> ExpectedLines(TriageWalk walk)
    {
        var chat = walk.Chat;
        string Title(string key, string? id) => id is null ? "-" : chat.Title(key, id);
        string? Last(string key) => walk.GivenTo(key) is { Count: > 0 } ids ? ids[^1] : null;

        if (PainPlaces(walk) is { Count: > 0 } painPlaces)
        {
            yield return chat.T("summary.pain",
                ("location", string.Join(", ", painPlaces.Select(p => chat.Title("prompt.pain.location", p)))),
                ("spread", Title("prompt.pain.spread", Last("prompt.pain.spread"))),
                ("score", Last("prompt.pain.score") ?? "-"),
                ("duration", Title("prompt.pain.duration", Last("prompt.pain.duration"))));
        }

        if (Last("prompt.numbness.any") is { } any and not Choices.No)
        {
            var places = Places(walk);
            yield return chat.T("summary.numbness",
                ("where", places.Count == 0 ? "-" : string.Join(", ", places.Select(p => chat.Title("prompt.numbness.where", p)))),
                ("worsening", Title("prompt.numbness.worsening", Last("prompt.numbness.worsening"))));
        }

        var tried = Tried(walk);
        if (tried.Count > 0)
        {
            yield return chat.T("summary.treatments",
                ("items", string.Join(", ", tried.Select(t => chat.Title("prompt.treatments.pick", t)))),
                ("helped", Title("prompt.treatments.helped", Last("prompt.treatments.helped"))));
        }
    }

    /// <summary>The answers stored with the referral are the ones given.</summary>
    private static IEnumerable<string> CheckStored(TriageWalk walk)
    {
        if (walk.Stored is not { } stored)
        {
            yield break;
        }

        string? Last(string key) => walk.GivenTo(key) is { Count: > 0 } ids ? ids[^1] : null;
        (string Name, string? Expected, string? Actual)[] fields =
        [
            ("pain spread", Last("prompt.pain.spread"), stored.Pain.Spread),
            ("duration", Last("prompt.pain.duration"), stored.Pain.Duration),
            ("numbness", Last("prompt.numbness.any"), stored.Numbness.Any),
            ("numbness worsening", Last("prompt.numbness.worsening"), stored.Numbness.Worsening),
            ("treatments helped", Last("prompt.treatments.helped"), stored.Treatments.Helped),
            ("contact time", Last("prompt.referral.time"), walk.StoredDetails?.GetValueOrDefault("time")),
        ];
        foreach (var (name, expected, actual) in fields.Where(f => f.Expected != f.Actual))
        {
            yield return $"stored {name} is {actual ?? "nothing"}, not {expected ?? "nothing"}";
        }

        if (!PainPlaces(walk).SequenceEqual(stored.Pain.Places))
        {
            yield return $"stored pain places are [{string.Join(",", stored.Pain.Places)}], not [{string.Join(",", PainPlaces(walk))}]";
        }

        if (!Places(walk).SequenceEqual(stored.Numbness.Places ?? []))
        {
            yield return $"stored places are [{string.Join(",", stored.Numbness.Places ?? [])}], not [{string.Join(",", Places(walk))}]";
        }

        if (!Tried(walk).SequenceEqual(stored.Treatments.Tried ?? []))
        {
            yield return $"stored treatments are [{string.Join(",", stored.Treatments.Tried ?? [])}], not [{string.Join(",", Tried(walk))}]";
        }

        var positive = PositiveRedFlags(walk).Select(r => ContentKeys.Findings.RedFlag(r.Rule.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in Catalog.RedFlags.Where(r => r.QuestionKeys.Any(q => walk.GivenTo(q).Count > 0)))
        {
            var finding = ContentKeys.Findings.RedFlag(rule.Id);
            if (positive.Contains(finding) != stored.Findings.Contains(finding))
            {
                yield return $"stored findings {(positive.Contains(finding) ? "lack" : "have")} {finding}";
            }
        }
    }

    /// <summary>Questions that feed no summary line are checked by where the flow goes next.</summary>
    private static IEnumerable<string> CheckBranch(TriageWalk walk, string key, string choice)
    {
        var chat = walk.Chat;
        var said = Texts(walk.TapReplies);
        string? expected = (key, choice) switch
        {
            ("prompt.consent", "yes") => "redflag.intro",
            ("prompt.consent", "under-16") => "consent.under-16",
            ("prompt.consent", _) => "consent.declined",
            ("prompt.referral.offer", "no") => "referral.declined",
            ("prompt.referral.consent", "no") => "referral.no-consent",
            ("prompt.education.menu", "done") => "education.done",
            ("prompt.delete.confirm", "yes") => "delete.done",
            ("prompt.delete.confirm", _) => "delete.cancelled",
            ("prompt.restart.confirm", "yes") => "restart.done",
            _ => null,
        };
        if (expected is not null && !said.Contains(chat.T(expected)))
        {
            yield return $"expected {expected} next, got: {string.Join(" | ", said)}";
        }

        if (key is "prompt.referral.offer" or "prompt.referral.consent" && (choice == Choices.Yes) != (walk.Referral is not null))
        {
            yield return walk.Referral is null ? "no referral was stored" : "a referral was stored without a yes";
        }

        if (key is "prompt.redflag.weakness-rapid" or "prompt.redflag.weakness-both" && Choices.IsPositive(choice) != (walk.Outcome?.Level == "emergency"))
        {
            yield return $"weakness getting worse quickly or on both sides '{choice}' gave {walk.Outcome?.Level}";
        }

        if (key == "prompt.pain.triggers" && walk.Stored is { Pain.Triggers: not null })
        {
            yield return "Skip was stored as a trigger";
        }
    }

    /// <summary>Every pain place tapped, in the content's order (the order the summary and the referral use).</summary>
    private static List<string> PainPlaces(TriageWalk walk)
    {
        var given = walk.GivenTo("prompt.pain.location").Concat(walk.GivenTo("prompt.pain.location-more")).ToHashSet(StringComparer.Ordinal);
        return [.. Catalog.Prompt("prompt.pain.location", walk.Chat.Locale).Choices.Select(c => c.Id).Where(given.Contains)];
    }

    private static List<string> Places(TriageWalk walk) =>
        [.. walk.GivenTo("prompt.numbness.where").Concat(walk.GivenTo("prompt.numbness.where-more")).Where(p => p != Choices.Done).Distinct()];

    private static List<string> Tried(TriageWalk walk)
    {
        var picked = walk.GivenTo("prompt.treatments.pick");
        return picked.Contains(Choices.None)
            ? [Choices.None]
            : [.. picked.Concat(walk.GivenTo("prompt.treatments.more")).Where(t => t != Choices.Done).Distinct()];
    }

    /// <summary>Red-flag rules with a screen question answered yes or not sure, with that answer.</summary>
    private static IEnumerable<(Content.Model.RedFlagRule Rule, string Answer)> PositiveRedFlags(TriageWalk walk) =>
        Catalog.RedFlags
            .SelectMany(r => r.QuestionKeys.Select(q => (Rule: r, Answers: walk.GivenTo(q))))
            .Where(x => x.Answers.Count > 0 && Choices.IsPositive(x.Answers[^1]))
            .Select(x => (x.Rule, x.Answers[^1]));
}
