using TriageBot.Recognizers;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;
using RecognizerChoice = TriageBot.Recognizers.Choice;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// How long the pain has lasted, as a clinical band (under 6 weeks, 6 to 12 weeks, over 12 weeks): a button press,
/// the band's words, or any duration people type ("3 weeks", "a couple of months", "since last summer").
/// </summary>
public sealed class DurationBandPrompt(string id, TimeProvider timeProvider) : Prompt<string>(id, TriageJsonContext.Default.String, null)
{
    public const string Under6Weeks = "under-6-weeks";
    public const string SixTo12Weeks = "6-to-12-weeks";
    public const string Over12Weeks = "over-12-weeks";

    /// <summary>The band for a duration. A "more than" duration on a boundary moves up: when in doubt, the longer band.</summary>
    public static string BandOf(TimeSpan duration, DurationMod mod = DurationMod.None)
    {
        var days = duration.TotalDays + (mod == DurationMod.More ? 1 : 0);
        return days < 42 ? Under6Weeks : days <= 84 ? SixTo12Weeks : Over12Weeks;
    }

    protected override Task<PromptRecognition<string>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var text = turnContext.Activity.Text;
        var culture = turnContext.Activity.Locale is { } l && l.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? l : "en-GB";

        // A typed duration is more precise than a band's words, so it is tried first ("about 2 months" → 6-12 weeks).
        if (DurationRecognizer.Recognize(text, timeProvider.GetLocalNow().DateTime, culture) is { Succeeded: true, Value: var duration }
            && duration.Duration > TimeSpan.Zero)
        {
            return Task.FromResult(PromptRecognition<string>.Of(BandOf(duration.Duration, duration.Mod)));
        }

        var bands = (options.Choices ?? []).Select(c => new RecognizerChoice(c.Value) { Synonyms = [.. c.Synonyms ?? [], c.Title] }).ToList();
        return Task.FromResult(ChoiceRecognizer.Recognize(text, bands, culture) is { Succeeded: true } band
            ? PromptRecognition<string>.Of(band.Value.Value)
            : PromptRecognition<string>.Failed);
    }
}
