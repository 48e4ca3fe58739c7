using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Prompts;

/// <summary>Accepts any text reply, or a tap on one of its buttons (a card submit with no text is not an answer).</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null)
    : Prompt<string>(id, RuntimeJsonContext.Default.String, validator)
{
    protected override Task<PromptRecognition<string>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);

        // A button offered with the question (e.g. "Skip") answers with its title, also when tapped as a postBack.
        var choices = options.Choices ?? [];
        if (ChoiceReply.Pressed(turnContext.Activity, choices) is { } pressed)
        {
            return Task.FromResult(PromptRecognition<string>.Of(choices[pressed.Index].Title));
        }

        return Task.FromResult(turnContext.Activity is { Type: ActivityTypes.Message, Text: { } text }
            ? PromptRecognition<string>.Of(text)
            : PromptRecognition<string>.Failed);
    }
}
