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

    /// <summary>
    /// A choice prompt takes a partial match scoring below this as not understood (it asks again) rather than as an
    /// answer: safety questions set it so "that's all" is never read as "not at all", that is, No.
    /// </summary>
    public double? MinimumScore { get; init; }

    /// <summary>
    /// A question that names an option in full picks it, as on a menu of topics to read about ("what about recovery
    /// time?"). Elsewhere a question is never an answer.
    /// </summary>
    public bool QuestionsPick { get; init; }

    /// <summary>Sent when the reply is a question, before the question is asked again (e.g. "I can answer questions at the end").</summary>
    public Activity? QuestionReply { get; init; }

    /// <summary>Sent when the reply is free text that only partly matches an option, before the question is asked again.</summary>
    public Activity? FreeTextReply { get; init; }

    /// <summary>Sent when the prompt gives up after its last attempt, so the person knows what happened to their answer.</summary>
    public Activity? NotUnderstoodReply { get; init; }

    /// <summary>Plain-text prompt with an optional retry text.</summary>
    public static PromptOptions Ask(string text, string? retryText = null, IReadOnlyList<Choice>? choices = null) => new()
    {
        Prompt = MessageFactory.Text(text, InputHints.ExpectingInput),
        RetryPrompt = retryText is null ? null : MessageFactory.Text(retryText, InputHints.ExpectingInput),
        Choices = choices,
    };
}
