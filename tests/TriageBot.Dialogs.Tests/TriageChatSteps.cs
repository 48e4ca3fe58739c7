using TriageBot.Schema;
using static TriageBot.Dialogs.ContentKeys;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>The usual answers, so each test spells out only the part it is about.</summary>
internal static class TriageChatSteps
{
    /// <summary>Every question the red-flag screen may ask, so a helper can tell which one is open.</summary>
    public static IReadOnlyList<string> ScreenPrompts { get; } =
        [.. global::TriageBot.Dialogs.Flow.RedFlagScreen.Order.Select(q => q.Prompt), Prompt.Pain.LocationMore, Prompt.Screen.HedgeCheck];

    /// <summary>The usual answer to a screen question: age 30, lower back pain only, and no to every warning sign.</summary>
    public static string UsualScreenAnswer(string prompt) => prompt switch
    {
        Prompt.Screen.Age => "30",
        Prompt.Pain.Location => "lower back",
        _ => "no",
    };

    /// <summary>Welcome and consent; returns the replies to the consent (the screen's intro and the age question).</summary>
    public static async Task<IReadOnlyList<Activity>> ConsentAsync(this TriageChat chat)
    {
        await chat.SayAsync("hi");
        return await chat.SayAsync("yes");
    }

    /// <summary>
    /// Welcome, consent, age 30 and lower back pain only: the next question is the first warning sign (sudden severe
    /// pain with chest or tummy pain).
    /// </summary>
    public static async Task<IReadOnlyList<Activity>> ConsentAndAgeAsync(this TriageChat chat, string age = "30", string location = "lower back")
    {
        await chat.ConsentAsync();
        await chat.SayAsync(age);
        await chat.SayAsync(location);
        return await chat.SayAsync("no");
    }

    /// <summary>
    /// Welcome, consent, age, where it hurts (the neck-only questions need "neck"), then "no" to every screen question
    /// before <paramref name="prompt"/>, which is left open.
    /// </summary>
    public static async Task<IReadOnlyList<Activity>> ScreenUntilAsync(this TriageChat chat, string prompt, string age = "30", string location = "lower back")
    {
        var replies = await chat.ConsentAndAgeAsync(age, location);
        for (var asked = 0; !(TriageChat.Texts(replies) is [.., var last] && last.StartsWith(chat.Q(prompt), StringComparison.Ordinal)); asked++)
        {
            Assert.True(asked < ScreenPrompts.Count, $"{prompt} was never asked");
            replies = await chat.SayAsync(chat.OpenScreenPrompt(replies) is { } open ? UsualScreenAnswer(open) : "no");
        }

        return replies;
    }

    /// <summary>The screen question the last reply asks, if any.</summary>
    public static string? OpenScreenPrompt(this TriageChat chat, IReadOnlyList<Activity> replies) =>
        ScreenPrompts.FirstOrDefault(key => TriageChat.Texts(replies) is [.., var last] && last.StartsWith(chat.Q(key), StringComparison.Ordinal));

    /// <summary>
    /// Welcome, consent, then the red-flag screen: age 30 and "no" to everything except the answers given (by prompt
    /// key). Returns the replies to the last screen answer.
    /// </summary>
    public static async Task<IReadOnlyList<Activity>> StartAndScreenAsync(this TriageChat chat, params (string Prompt, string Answer)[] answers)
    {
        var replies = await chat.ConsentAsync();
        return await chat.AnswerScreenAsync(replies, answers);
    }

    /// <summary>Answers screen questions for as long as one is open (see <see cref="StartAndScreenAsync"/>).</summary>
    public static async Task<IReadOnlyList<Activity>> AnswerScreenAsync(this TriageChat chat, IReadOnlyList<Activity> replies, params (string Prompt, string Answer)[] answers)
    {
        var given = answers.ToDictionary(a => a.Prompt, a => a.Answer, StringComparer.Ordinal);
        while (chat.OpenScreenPrompt(replies) is { } open)
        {
            replies = await chat.SayAsync(given.TryGetValue(open, out var answer) ? answer : UsualScreenAnswer(open));
        }

        return replies;
    }

    /// <summary>
    /// The pain questions after the screen (where it hurts was asked there), answers as given: whether it started
    /// before 45 and the inflammatory back pain features "no" when asked, free text skipped. Returns the replies to the
    /// last answer.
    /// </summary>
    public static async Task<IReadOnlyList<Activity>> PainAsync(
        this TriageChat chat, string spread = "none", string score = "5", string duration = "3 weeks", string stiffness = "no", string onsetBefore45 = "no")
    {
        await chat.SayAsync(chat.Title(Prompt.Pain.Spread, spread));
        await chat.SayAsync(score);
        var replies = await chat.SayAsync(duration);
        if (TriageChat.Texts(replies) is [.., var onset] && onset.StartsWith(chat.Q(Prompt.Screen.OnsetBefore45), StringComparison.Ordinal))
        {
            replies = await chat.SayAsync(onsetBefore45);
        }

        if (TriageChat.Texts(replies) is [.., var asked] && asked.StartsWith(chat.Q(Prompt.Screen.Inflammatory), StringComparison.Ordinal))
        {
            replies = await chat.SayAsync(stiffness);
        }

        return TriageChat.Texts(replies) is [.., var last] && last.StartsWith(chat.Q(Prompt.Pain.Triggers), StringComparison.Ordinal)
            ? await chat.SayAsync(chat.Title(Prompt.Pain.Triggers, "skip"))
            : replies;
    }

    public static Task<IReadOnlyList<Activity>> NoNumbnessAsync(this TriageChat chat) => chat.SayAsync("no");

    /// <summary>
    /// From the numbness question (or, with <paramref name="afterTreatments"/>, from the treatments answer) to the end:
    /// no numbness, none of the treatments, no education, no referral. Returns the summary.
    /// </summary>
    public static async Task<string> FinishAsync(this TriageChat chat, bool afterTreatments = false)
    {
        var replies = new List<Activity>();
        if (!afterTreatments)
        {
            var next = await chat.SayAsync("no");
            if (Texts(next).Contains(chat.Q("prompt.treatments.pick")))
            {
                next = await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));
            }

            replies.AddRange(next);
        }

        if (Texts(replies).Contains(chat.Q("prompt.treatments.helped")))
        {
            replies.AddRange(await chat.SayAsync(chat.Title("prompt.treatments.helped", "no")));
        }

        replies.AddRange(await chat.SayAsync(chat.Title("prompt.education.menu", "done")));
        replies.AddRange(await chat.SayAsync(chat.Title("prompt.referral.offer", "no")));
        return Texts(replies).LastOrDefault(t => t.StartsWith(chat.T("summary.title"), StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The triage did not end with a summary: " + string.Join(" | ", Texts(replies)));
    }

    /// <summary>The summary's pain line for lower back pain that doesn't spread, scored 5, lasting <paramref name="duration"/>.</summary>
    public static string PainLine(this TriageChat chat, string duration) =>
        chat.T("summary.pain",
            ("location", chat.Title("prompt.pain.location", "lower-back")),
            ("spread", chat.Title("prompt.pain.spread", "none")),
            ("score", "5"),
            ("duration", chat.Title("prompt.pain.duration", duration)));

    /// <summary>The summary's numbness line: every place's title, in order, and whether it is getting worse.</summary>
    public static string NumbnessLine(this TriageChat chat, IEnumerable<string> places, string? worsening) =>
        chat.T("summary.numbness",
            ("where", string.Join(", ", places.Select(p => chat.Title("prompt.numbness.where", p)))),
            ("worsening", worsening is null ? "-" : chat.Title("prompt.numbness.worsening", worsening)));
}
