using TriageBot.Recognizers;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// Offers choices (rendered per channel) and understands the answer whether it is a button press, the choice's
/// words in a sentence, a synonym, "the second one", its number, or a small typo. A question or free text that
/// only partly matches is not an answer (see <see cref="ChoiceReply"/>); <see cref="PromptOptions.MinimumScore"/>
/// refuses partial matches.
/// </summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null)
    : Prompt<FoundChoice>(id, RuntimeJsonContext.Default.FoundChoice, validator)
{
    protected override Task<PromptRecognition<FoundChoice>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        return Task.FromResult(ChoiceReply.Read(turnContext.Activity, options.Choices ?? [], PromptCulture.Of(turnContext), options.MinimumScore, options.QuestionsPick));
    }
}
