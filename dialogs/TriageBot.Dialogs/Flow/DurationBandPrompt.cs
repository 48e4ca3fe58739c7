using TriageBot.Recognizers;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// How long the pain has lasted, as a clinical band (under 6 weeks, 6 to 12 weeks, over 12 weeks): a button press,
/// any duration people type ("3 weeks", "a couple of months", "since last summer"), or the band's words.
/// </summary>
public sealed class DurationBandPrompt(string id, TimeProvider timeProvider) : Prompt<string>(id, TriageJsonContext.Default.String, null)
{
    public const string Under6Weeks = "under-6-weeks";
    public const string SixTo12Weeks = "6-to-12-weeks";
    public const string Over12Weeks = "over-12-weeks";

    /// <summary>
    /// The band for a duration. On a boundary a "more than" moves up and a "less than" down ("under 6 weeks" is under
    /// 6 weeks); an exact boundary stays in the middle band.
    /// </summary>
    public static string BandOf(TimeSpan duration, DurationMod mod = DurationMod.None)
    {
        var days = duration.TotalDays + mod switch { DurationMod.More => 1, DurationMod.Less => -1, _ => 0 };
        return days < 42 ? Under6Weeks : days <= 84 ? SixTo12Weeks : Over12Weeks;
    }

    /// <summary>"Under 6 weeks", "nearly 3 months" and "over 12 weeks" say which side of a band's edge, as "less than" does.</summary>
    private static DurationMod EdgeOf(string? text, DurationMod mod)
    {
        if (mod != DurationMod.None)
        {
            return mod;
        }

        var words = ReplyShape.Words(text);
        return words.Any(w => w is "under" or "nearly" or "almost") ? DurationMod.Less
            : words.Contains("over") ? DurationMod.More
            : mod;
    }

    protected override Task<PromptRecognition<string>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = turnContext.Activity;
        var bands = options.Choices ?? [];

        // A tapped band is exactly that band: "Over 12 weeks" must never be read as a typed "12 weeks".
        if (ChoiceReply.Pressed(activity, bands) is { } pressed)
        {
            return Task.FromResult(PromptRecognition<string>.Of(pressed.Value));
        }

        // Otherwise a typed duration is more precise than a band's words ("about 2 months" → 6-12 weeks), unless it is a question.
        var culture = activity.Locale is { } l && l.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? l : "en-GB";
        if (!ReplyShape.IsQuestion(activity.Text)
            && DurationRecognizer.Recognize(activity.Text, timeProvider.GetLocalNow().DateTime, culture) is { Succeeded: true, Value: var duration }
            && duration.Duration > TimeSpan.Zero)
        {
            return Task.FromResult(PromptRecognition<string>.Of(BandOf(duration.Duration, EdgeOf(activity.Text, duration.Mod))));
        }

        var band = ChoiceReply.Read(activity, bands, culture, options.MinimumScore);
        return Task.FromResult(band is { Succeeded: true, Value: { } found }
            ? PromptRecognition<string>.Of(found.Value)
            : PromptRecognition<string>.NotAnAnswer(band.Kind));
    }
}
