using TriageBot.Recognizers;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// Offers choices (rendered per channel) and understands the answer whether it is a button press, the choice's
/// words in a sentence, a synonym, "the second one", its number, or a small typo.
/// </summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null)
    : Prompt<FoundChoice>(id, RuntimeJsonContext.Default.FoundChoice, validator)
{
    protected override Task<PromptRecognition<FoundChoice>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceMatching.Find(turnContext.Activity.Text, options.Choices ?? [], PromptCulture.Of(turnContext));
        return Task.FromResult(found is null ? PromptRecognition<FoundChoice>.Failed : PromptRecognition<FoundChoice>.Of(found));
    }
}
