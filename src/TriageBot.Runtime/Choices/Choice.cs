using TriageBot.Schema;

namespace TriageBot.Runtime.Choices;

/// <summary>One option of a choice prompt: its value, other words that mean it, and optionally its own button.</summary>
public sealed record Choice(string Value)
{
    public IReadOnlyList<string>? Synonyms { get; init; }

    public CardAction? Action { get; init; }

    /// <summary>The button title: the action's title, else the value.</summary>
    public string Title => Action?.Title ?? Value;
}
