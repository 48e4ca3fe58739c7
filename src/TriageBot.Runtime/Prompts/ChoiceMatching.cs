using TriageBot.Recognizers;

namespace TriageBot.Runtime.Prompts;

/// <summary>Matches a reply against prompt choices: value, button title and synonyms, then "the second one", then "2".</summary>
internal static class ChoiceMatching
{
    public static FoundChoice? Find(string? text, IReadOnlyList<Runtime.Choices.Choice> choices, string culture) =>
        ChoiceRecognizer.Recognize(text, ChoiceReply.Candidates(choices), culture) is { Succeeded: true } found ? found.Value : null;
}
