namespace TriageBot.Schema;

/// <summary>Quick-reply buttons shown under the last message. <c>to</c> empty or absent means everyone.</summary>
public sealed record SuggestedActions
{
    public IReadOnlyList<string>? To { get; init; }
    public IReadOnlyList<CardAction>? Actions { get; init; }
}
