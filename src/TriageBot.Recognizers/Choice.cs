namespace TriageBot.Recognizers;

/// <summary>An option offered to the user. <see cref="Synonyms"/> are other ways of saying it ("skin" for "Dermatology").</summary>
public sealed record Choice(string Value)
{
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}
