using TriageBot.Recognizers;
using RecognizerChoice = TriageBot.Recognizers.Choice;

namespace TriageBot.Runtime.Prompts;

/// <summary>Matches a reply against prompt choices: value, button title and synonyms, then "the second one", then "2".</summary>
internal static class ChoiceMatching
{
    public static FoundChoice? Find(string? text, IReadOnlyList<Runtime.Choices.Choice> choices, string culture)
    {
        var candidates = choices
            .Select(c => new RecognizerChoice(c.Value) { Synonyms = [.. c.Synonyms ?? [], c.Title] })
            .ToList();
        return ChoiceRecognizer.Recognize(text, candidates, culture) is { Succeeded: true } found ? found.Value : null;
    }
}
