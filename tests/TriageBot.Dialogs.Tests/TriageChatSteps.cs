using TriageBot.Schema;

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
}
