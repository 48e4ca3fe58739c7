using TriageBot.Runtime.Choices;
using TriageBot.Schema;

namespace TriageBot.Runtime.Prompts;

/// <summary>What a prompt asks, how it re-asks, and when it gives up. Persisted with the prompt's frame.</summary>
public sealed record PromptOptions
{
    public Activity? Prompt { get; init; }

    /// <summary>Sent when an answer is not understood; defaults to <see cref="Prompt"/>.</summary>
    public Activity? RetryPrompt { get; init; }

    public IReadOnlyList<Choice>? Choices { get; init; }

    public ListStyle? Style { get; init; }

    /// <summary>Answers accepted before the prompt ends as "not understood"; null uses the prompt's default.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Plain-text prompt with an optional retry text.</summary>
    public static PromptOptions Ask(string text, string? retryText = null, IReadOnlyList<Choice>? choices = null) => new()
    {
        Prompt = MessageFactory.Text(text, InputHints.ExpectingInput),
        RetryPrompt = retryText is null ? null : MessageFactory.Text(retryText, InputHints.ExpectingInput),
        Choices = choices,
    };
}
