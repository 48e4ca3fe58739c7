namespace TriageBot.Runtime.Prompts;

/// <summary>What a prompt made of the user's reply, before validation.</summary>
public sealed record PromptRecognition<TValue>(bool Succeeded, TValue? Value)
{
    public static PromptRecognition<TValue> Failed { get; } = new(false, default);

    /// <summary>Why the reply is not an answer; <see cref="ReplyKind.Answer"/> when it is one.</summary>
    public ReplyKind Kind { get; init; } = Succeeded ? ReplyKind.Answer : ReplyKind.Unrecognized;

    public static PromptRecognition<TValue> Of(TValue value) => new(true, value);

    /// <summary>A reply that is not an answer, and why (a question, free text, or just not understood).</summary>
    public static PromptRecognition<TValue> NotAnAnswer(ReplyKind kind) => new(false, default) { Kind = kind };
}
