using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Prompts;

/// <summary>Accepts any text reply (a card submit with no text is not an answer).</summary>
public sealed class TextPrompt(string id, PromptValidator<string>? validator = null)
    : Prompt<string>(id, RuntimeJsonContext.Default.String, validator)
{
    protected override Task<PromptRecognition<string>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Task.FromResult(turnContext.Activity is { Type: ActivityTypes.Message, Text: { } text }
            ? PromptRecognition<string>.Of(text)
            : PromptRecognition<string>.Failed);
    }
}
