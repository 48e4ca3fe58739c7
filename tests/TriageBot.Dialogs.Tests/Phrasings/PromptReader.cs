using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Safety;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Testing.Conversations;

namespace TriageBot.Dialogs.Tests.Phrasings;

/// <summary>
/// Puts one typed answer to the bot's real prompt for a model, with the real question from dialogs/content, and says
/// what the prompt made of it: the value it ended with, or null when it asked again. The same prompt classes and
/// options as TriageBot.Create and the dialogs use; nothing is read from a recognizer directly.
/// </summary>
/// <remarks>A reply the prompt does not take (a re-ask, an answer to a question) never starts with "got ".</remarks>
internal static class PromptReader
{
    /// <summary>"Now" for duration answers ("since new year"): the day the phrasings were written.</summary>
    public static readonly DateTimeOffset Today = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private const string Got = "got ";

    public static async Task<string?> ReadAsync(string model, string text)
    {
        var bot = model switch
        {
            "score" => Bot(TriageBot.ScorePrompt(), ContentKeys.Prompt.Pain.Score, v => v.ToString(CultureInfo.InvariantCulture)),
            "duration" => Bot(new DurationBandPrompt(PromptIds.Duration, new FixedClock(Today)), ContentKeys.Prompt.Pain.Duration, v => v),
            "age" => Bot(new AgeBandPrompt(PromptIds.Age), ContentKeys.Prompt.Screen.Age, v => v),
            "yesno" => Bot(new ChoicePrompt(PromptIds.Choice), YesNoQuestion, v => v.Value),
            _ => throw new InvalidDataException($"Unknown phrasing model '{model}' (score, duration, age, yesno)."),
        };
        var chat = new TestConversation(bot);
        await chat.SayAsync("hi");
        var reply = await chat.AskAsync(text);
        if (!reply.StartsWith(Got, StringComparison.Ordinal))
        {
            return null;
        }

        var value = reply[Got.Length..];
        return model == "yesno" ? YesNoReading(value, text) : value;
    }

    /// <summary>A red-flag question: yes / no / not sure, a safety question (whole answers only).</summary>
    private const string YesNoQuestion = ContentKeys.Prompt.RedFlag.CesBladder;

    /// <summary>
    /// What RedFlagScreenDialog makes of the choice picked: not sure, or a "no" that also names yes or not sure ("no
    /// idea"), counts as positive without being a yes; both read "unsure" here.
    /// </summary>
    private static string YesNoReading(string picked, string text)
    {
        var choices = Catalog.Prompt(YesNoQuestion, null).Choices.Select(Wording.ToChoice).ToList();
        return picked == Choices.NotSure || (picked == Choices.No && SafetyAnswer.IsPositive(picked, text, choices)) ? "unsure" : picked;
    }

    private static DialogBot Bot<T>(Prompt<T> prompt, string promptKey, Func<T, string> show)
    {
        var waterfall = new WaterfallDialog<Answer>("one", 1, AnswerJson.Default.Answer, () => new Answer(null))
            .AddPrompt("ask", prompt, step => new Wording(Catalog, step.Context).Ask(promptKey), (state, outcome) => state with
            {
                Text = outcome.TryGetValue(out var v) ? Got + show(v) : "not understood",
            })
            .AddStep("tell", (step, ct) =>
            {
                step.Context.SendActivity(step.Values.Text!);
                return step.EndDialogAsync(null, ct);
            });
        var manager = new DialogManager(new DialogSet().Add(waterfall).Add(prompt), "one", [], new DialogManagerOptions(), NullLogger<DialogManager>.Instance);
        return new DialogBot(manager);
    }

    private static IContentCatalog Catalog => TriageChat.Catalog;
}

internal sealed record Answer(string? Text);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Answer))]
internal sealed partial class AnswerJson : JsonSerializerContext;

/// <summary>A clock stopped at one moment, in UTC, so "since new year" means the same on every machine.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
