using TriageBot.Schema;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests;

/// <summary>The usual answers, so each test spells out only the part it is about.</summary>
internal static class TriageChatSteps
{
    /// <summary>Every question the red-flag screen may ask, so a helper can tell which one is open.</summary>
    public static IReadOnlyList<string> ScreenPrompts { get; } =
    [
        Prompt.Screen.Age, Prompt.RedFlag.CesBladder, Prompt.RedFlag.CesBowel, Prompt.RedFlag.CesSaddle, Prompt.RedFlag.CesLegs,
        Prompt.RedFlag.Weakness, Prompt.RedFlag.WeaknessRapid, Prompt.RedFlag.ChestPain, Prompt.RedFlag.Aaa,
        Prompt.RedFlag.NeckVascular, Prompt.RedFlag.Trauma, Prompt.Screen.MinorInjury, Prompt.Screen.Bones,
        Prompt.RedFlag.Fever, Prompt.RedFlag.Immune, Prompt.RedFlag.Cancer, Prompt.RedFlag.WeightLoss,
        Prompt.RedFlag.NightPain, Prompt.RedFlag.Myelopathy, Prompt.Screen.RecentProcedure, Prompt.RedFlag.PostOp,
        Prompt.Screen.Pregnancy,
    ];

    /// <summary>Welcome and consent; returns the replies to the consent (the screen's intro and the age question).</summary>
    public static async Task<IReadOnlyList<Activity>> ConsentAsync(this TriageChat chat)
    {
        await chat.SayAsync("hi");
        return await chat.SayAsync("yes");
    }

    /// <summary>Welcome, consent and age 30: the next question is the first cauda equina one.</summary>
    public static async Task<IReadOnlyList<Activity>> ConsentAndAgeAsync(this TriageChat chat, string age = "30")
    {
        await chat.ConsentAsync();
        return await chat.SayAsync(age);
    }

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
        while (ScreenPrompts.FirstOrDefault(key => TriageChat.Texts(replies) is [.., var last] && last.StartsWith(chat.Q(key), StringComparison.Ordinal)) is { } open)
        {
            replies = await chat.SayAsync(given.TryGetValue(open, out var answer) ? answer : open == Prompt.Screen.Age ? "30" : "no");
        }

        return replies;
    }

    /// <summary>
    /// Lower back pain, answers as given, morning stiffness "no" when it is asked, free text skipped. Returns the
    /// replies to the last answer.
    /// </summary>
    public static async Task<IReadOnlyList<Activity>> PainAsync(
        this TriageChat chat, string spread = "none", string score = "5", string duration = "3 weeks", string location = "lower back", string stiffness = "no")
    {
        await chat.SayAsync(location);
        await chat.SayAsync(chat.Title(Prompt.Pain.Spread, spread));
        await chat.SayAsync(score);
        var replies = await chat.SayAsync(duration);
        if (TriageChat.Texts(replies) is [.., var asked] && asked.StartsWith(chat.Q(Prompt.Screen.MorningStiffness), StringComparison.Ordinal))
        {
            replies = await chat.SayAsync(stiffness);
        }

        return TriageChat.Texts(replies) is [.., var last] && last.StartsWith(chat.Q(Prompt.Pain.Triggers), StringComparison.Ordinal)
            ? await chat.SayAsync(chat.Title(Prompt.Pain.Triggers, "skip"))
            : replies;
    }

    public static Task<IReadOnlyList<Activity>> NoNumbnessAsync(this TriageChat chat) => chat.SayAsync("no");
}
