using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Prompts;

/// <summary>Extra checks on a recognized answer (e.g. a pain score between 0 and 10). Sending a message suppresses the retry prompt.</summary>
public delegate Task<bool> PromptValidator<TValue>(PromptValidatorContext<TValue> prompt, CancellationToken cancellationToken);

/// <summary>What a validator sees.</summary>
public sealed record PromptValidatorContext<TValue>(TurnContext Context, PromptRecognition<TValue> Recognized, PromptOptions Options, int AttemptCount);
