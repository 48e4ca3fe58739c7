namespace TriageBot.Runtime.Prompts;

/// <summary>What a prompt made of the user's reply, before validation.</summary>
public sealed record PromptRecognition<TValue>(bool Succeeded, TValue? Value)
{
    public static PromptRecognition<TValue> Failed { get; } = new(false, default);

    public static PromptRecognition<TValue> Of(TValue value) => new(true, value);
}
