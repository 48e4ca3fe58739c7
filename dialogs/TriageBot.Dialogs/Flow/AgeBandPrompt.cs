using TriageBot.Recognizers;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The person's age as a screening band (16 to 44, 45 to 49, 50 to 69, 70 or over): a button press (exactly that
/// band), a typed age ("72", "I'm 52"), or the band's words. A question is never an answer.
/// </summary>
public sealed class AgeBandPrompt(string id) : Prompt<string>(id, TriageJsonContext.Default.String, null)
{
    public const string Under45 = "16-to-44";
    public const string From45To49 = "45-to-49";
    public const string From50To69 = "50-to-69";
    public const string From70 = "70-plus";

    /// <summary>The band for an age in years; null for an age this service does not see (under 16, over 120).</summary>
    public static string? BandOf(double years) => years switch
    {
        < 16 or > 120 => null,
        < 45 => Under45,
        < 50 => From45To49,
        < 70 => From50To69,
        _ => From70,
    };

    protected override Task<PromptRecognition<string>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = turnContext.Activity;
        var bands = options.Choices ?? [];

        // A tapped band (its title, or its id in a postBack) is exactly that band: "16 to 44" holds numbers too.
        if (ChoiceReply.Pressed(activity, bands) is { } pressed)
        {
            return Task.FromResult(PromptRecognition<string>.Of(pressed.Value));
        }

        // Then a typed whole age ("72", "I'm 52"), the most exact answer, unless it is a question.
        // The first whole number is the age ("sixteen nearly seventeen", "83 next birthday"); slips are forgiven ("28yrs").
        var numbers = ReplyShape.IsQuestion(activity.Text) ? [] : NumberRecognizer.RecognizeTyped(activity.Text, "en-GB").Select(n => n.Value).ToList();
        if (numbers.FirstOrDefault(n => n.Subtype == NumberSubtype.Integer) is { Value: var years } && BandOf(years) is { } typed)
        {
            return Task.FromResult(PromptRecognition<string>.Of(typed));
        }

        var band = ChoiceReply.Read(activity, bands, "en-GB", options.MinimumScore);
        return Task.FromResult(band is { Succeeded: true, Value: { } found }
            ? PromptRecognition<string>.Of(found.Value)
            : PromptRecognition<string>.NotAnAnswer(band.Kind));
    }
}
