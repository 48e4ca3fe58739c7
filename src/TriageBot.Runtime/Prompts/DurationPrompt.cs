using TriageBot.Recognizers;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// Asks how long something has lasted: "3 weeks", "a couple of months", "two and a half years", "a fortnight",
/// "since last summer" (measured up to now, from the injected clock).
/// </summary>
public sealed class DurationPrompt(string id, TimeProvider timeProvider, PromptValidator<TimeSpan>? validator = null)
    : Prompt<TimeSpan>(id, RuntimeJsonContext.Default.TimeSpan, validator)
{
    protected override Task<PromptRecognition<TimeSpan>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var now = timeProvider.GetLocalNow().DateTime;
        var found = DurationRecognizer.Recognize(turnContext.Activity.Text, now, PromptCulture.Of(turnContext));
        return Task.FromResult(found is { Succeeded: true, Value.Duration: var span } && span > TimeSpan.Zero
            ? PromptRecognition<TimeSpan>.Of(span)
            : PromptRecognition<TimeSpan>.Failed);
    }
}
