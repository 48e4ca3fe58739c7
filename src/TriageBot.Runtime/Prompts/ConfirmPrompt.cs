using TriageBot.Recognizers;
using TriageBot.Runtime.Turns;
using Choice = TriageBot.Runtime.Choices.Choice;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// A yes/no question. Understands "yes", "yep", "sure", "nope", "not really", "I don't think so"; then the two
/// choices (Yes = first, No = second) by words, number or position. Options may supply their own two choices
/// (e.g. localized titles with synonyms); the first means yes.
/// </summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null)
    : Prompt<bool>(id, RuntimeJsonContext.Default.Boolean, validator)
{
    private static readonly IReadOnlyList<Choice> DefaultChoices = [new("Yes"), new("No")];

    protected override IReadOnlyList<Choice> ChoicesFor(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Choices is { Count: 2 } choices ? choices : DefaultChoices;
    }

    protected override Task<PromptRecognition<bool>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var culture = PromptCulture.Of(turnContext);
        var text = turnContext.Activity.Text;
        if (ChoiceReply.Pressed(turnContext.Activity, ChoicesFor(options)) is { } pressed)
        {
            return Task.FromResult(PromptRecognition<bool>.Of(pressed.Index == 0));
        }

        var choice = ChoiceMatching.Find(text, ChoicesFor(options), culture);
        if (choice is { Score: >= 1.0 })
        {
            return Task.FromResult(PromptRecognition<bool>.Of(choice.Index == 0));
        }

        if (BooleanRecognizer.Recognize(text, culture) is { Succeeded: true } answer)
        {
            return Task.FromResult(PromptRecognition<bool>.Of(answer.Value));
        }

        return Task.FromResult(choice is null ? PromptRecognition<bool>.Failed : PromptRecognition<bool>.Of(choice.Index == 0));
    }
}
