using TriageBot.Recognizers;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// Asks for a number and understands how people write one: "7", "seven", "six and a half". With
/// <paramref name="scoreOutOf"/> it reads a score the way people give one: "about a 7", "7/10", "seven out of ten",
/// "sevun", and a range ("6 or 7") as its higher end.
/// A question ("what does 10 mean?") is not an answer.
/// </summary>
public sealed class NumberPrompt(string id, PromptValidator<double>? validator = null, int? scoreOutOf = null)
    : Prompt<double>(id, RuntimeJsonContext.Default.Double, validator)
{
    protected override Task<PromptRecognition<double>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        if (ReplyShape.IsQuestion(text))
        {
            // "What does 10 mean?" asks about a number; it does not give one.
            return Task.FromResult(PromptRecognition<double>.NotAnAnswer(ReplyKind.Question));
        }

        var culture = PromptCulture.Of(turnContext);
        var value = scoreOutOf is { } maximum
            ? NumberRecognizer.RecognizeScore(text, maximum, culture) is { Succeeded: true } score ? score.Value : (double?)null
            : NumberRecognizer.Recognize(text, culture) is { Succeeded: true } number ? number.Value.Value : null;
        return Task.FromResult(value is { } v ? PromptRecognition<double>.Of(v) : PromptRecognition<double>.Failed);
    }
}
