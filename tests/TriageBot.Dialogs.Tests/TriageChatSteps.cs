using TriageBot.Schema;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>The usual answers, so each test spells out only the part it is about.</summary>
internal static class TriageChatSteps
{
    /// <summary>Welcome, consent, then the red-flag screen answered "no" except where a test says otherwise.</summary>
    public static async Task StartAndScreenAsync(this TriageChat chat, string infection = "no")
    {
        await chat.SayAsync("hi");
        await chat.SayAsync("yes");
        foreach (var answer in new[] { "no", "no", infection, "no", "no", "no" })
        {
            await chat.SayAsync(answer);
        }
    }

    /// <summary>Lower back pain, answers as given, free text skipped. Returns the replies to the last answer.</summary>
    public static async Task<IReadOnlyList<Activity>> PainAsync(this TriageChat chat, string spread = "none", string score = "5", string duration = "3 weeks")
    {
        await chat.SayAsync("lower back");
        await chat.SayAsync(chat.Title("prompt.pain.spread", spread));
        await chat.SayAsync(score);
        await chat.SayAsync(duration);
        return await chat.SayAsync(chat.Title("prompt.pain.triggers", "skip"));
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
