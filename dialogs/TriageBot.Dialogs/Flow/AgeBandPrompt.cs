using TriageBot.Recognizers;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;
using RecognizerChoice = TriageBot.Recognizers.Choice;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The person's age as a screening band (16 to 44, 45 to 49, 50 to 69, 70 or over): a button press, the band's
/// words, or a typed age ("72", "I'm 52"). A typed whole age is tried first, as it is the most exact answer.
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
        var text = turnContext.Activity.Text;
        var bands = (options.Choices ?? []).Select(c => new RecognizerChoice(c.Value) { Synonyms = [.. c.Synonyms ?? [], c.Title] }).ToList();

        // A button title ("16 to 44") holds numbers too, so the bands' own words are matched before a typed age.
        if (ChoiceRecognizer.Recognize(text, bands, "en-GB") is { Succeeded: true } band && band.Value.Score >= 1.0)
        {
            return Task.FromResult(PromptRecognition<string>.Of(band.Value.Value));
        }

        var numbers = NumberRecognizer.RecognizeAll(text, "en-GB").Select(n => n.Value).ToList();
        if (numbers is [{ Subtype: NumberSubtype.Integer, Value: var years }] && BandOf(years) is { } typed)
        {
            return Task.FromResult(PromptRecognition<string>.Of(typed));
        }

        return Task.FromResult(ChoiceRecognizer.Recognize(text, bands, "en-GB") is { Succeeded: true } near
            ? PromptRecognition<string>.Of(near.Value.Value)
            : PromptRecognition<string>.Failed);
    }
}
