using TriageBot.Testing;

namespace TriageBot.Dialogs.Tests;

/// <summary>Issue 9, item 4 over real HTTP (the Emulator's route, real Kestrel): taps and typed replies as a person sends them.</summary>
public sealed class HostedPromptTests
{
    [Fact]
    public async Task OverHttp_TappedBandAndPlaces_AreRecorded_AQuestionIsNotAnAnswer_AndThatsAllIsNotSure()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync();
        var user = new EmulatorUser(bot, channel);
        var chat = new TriageChat("en-US");
        // Age 30, lower back only, then No to every warning-sign question asked at that age.
        var screen = global::TriageBot.Testing.DirectLine.DirectLinePatient.ScreenQuestionsAfterLocation;
        string[] replies =
        [
            "hi", "yes", "30", chat.Title("prompt.pain.location", "lower-back"), chat.Title("prompt.pain.location-more", "done"),
            .. Enumerable.Repeat("No", screen), chat.Title("prompt.pain.spread", "none"), "5",
            chat.Title("prompt.pain.duration", "over-12-weeks"), "No", chat.Title("prompt.pain.triggers", "skip"),
            chat.Title("prompt.numbness.any", "yes"), chat.Title("prompt.numbness.where", "arm-hand"),
            chat.Title("prompt.numbness.where-more", "leg-foot"), chat.Title("prompt.numbness.where-more", "done"),
            "that's all", "that's all", "that's all",
            "what does a laminectomy involve?", chat.Title("prompt.treatments.pick", "none"),
            chat.Title("prompt.education.menu", "done"), chat.Title("prompt.referral.offer", "no"),
        ];

        foreach (var text in replies)
        {
            await user.SaysAsync(text);
        }

        var said = user.BotMessages();
        Assert.Contains(chat.T("reply.question"), said);
        Assert.Contains(chat.T("not-understood"), said);
        var summary = said.Last(t => t?.StartsWith(chat.T("summary.title"), StringComparison.Ordinal) == true)!;
        Assert.Contains(chat.PainLine(duration: "over-12-weeks"), summary, StringComparison.Ordinal);
        Assert.Contains(chat.NumbnessLine(["arm-hand", "leg-foot"], "not-sure"), summary, StringComparison.Ordinal);
        Assert.Contains(chat.T("summary.treatments", ("items", chat.Title("prompt.treatments.pick", "none")), ("helped", "-")), summary, StringComparison.Ordinal);
        Assert.Contains(chat.T("outcome.urgent"), summary, StringComparison.Ordinal);
    }
}
