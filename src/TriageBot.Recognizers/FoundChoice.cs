namespace TriageBot.Recognizers;

/// <summary>The option the user picked: its value, 0-based index, match score (0..1] and the text that matched.</summary>
/// <param name="Synonym">The choice value or synonym that matched; null for an ordinal or number pick ("the second one", "2").</param>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym);
