using System.Diagnostics.CodeAnalysis;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// How a prompt ended: with an understood (and valid) value, or "not understood" after its last attempt. The
/// dialog decides what not understood means; for a safety question it means "assume yes".
/// </summary>
public sealed record PromptOutcome<TValue>(bool Understood, TValue? Value)
{
    public static PromptOutcome<TValue> NotUnderstood { get; } = new(false, default);

    public static PromptOutcome<TValue> Of(TValue value) => new(true, value);

    public bool TryGetValue([MaybeNullWhen(false)] out TValue value)
    {
        value = Value;
        return Understood && Value is not null;
    }
}
