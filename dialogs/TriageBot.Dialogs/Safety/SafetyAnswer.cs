using System.Collections.Frozen;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using TriageBot.Recognizers;
using TriageBot.Runtime.Prompts;
using Choice = TriageBot.Runtime.Choices.Choice;
using RecognizerChoice = TriageBot.Recognizers.Choice;

namespace TriageBot.Dialogs.Safety;

/// <summary>
/// Reading a yes / no / not sure answer to a safety question. The choice prompt picks one best match, and on a
/// tie the first choice wins, which would read "no idea" as "no". For a red flag that is the wrong way to be
/// wrong, so an answer is negative only when "no" is the <em>only</em> thing it matches; any hint of yes or not
/// sure, an ambiguous answer, or one not understood at all, counts as yes. A "no" must also lead the reply: words
/// before it that are not understood may hedge it or turn it ("I'd say no", "probably no", "pienso que no"), so only
/// fillers may come first ("um no", "well, nope"). What follows a leading no is the patient's own comment on it and
/// stays a no ("no, but I've had a high temperature": the red-flag free-text net reads the rest).
/// </summary>
internal static class SafetyAnswer
{
    /// <summary>A match this good is a whole answer; a safety question takes nothing less ("that's all" is not "not at all").</summary>
    public const double WholeMatch = 0.75;

    /// <summary>Words that may come before a "no" without changing it: hesitation and emphasis, never a hedge.</summary>
    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet(
    [
        "um", "umm", "uh", "er", "erm", "hmm", "hm", "mm", "mmm", "ah", "oh", "well", "so", "ok", "okay", "honestly",
        "definitely", "absolutely", "certainly", "really",
    ], StringComparer.Ordinal);

    /// <summary>
    /// A clinical yes / no / not sure question (a red flag, numbness, whether it is getting worse): one that offers
    /// "not sure". Its partial matches are not answers, and not understood in the end counts as not sure.
    /// </summary>
    public static bool IsSafetyQuestion(PromptContent prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt.Choices.Any(c => c.Id == Choices.NotSure) && prompt.Choices.Any(c => c.Id == Choices.No);
    }

    public static bool IsPositive(string? picked, string? text, IReadOnlyList<Choice>? choices)
    {
        if (Choices.IsPositive(picked))
        {
            return true;
        }

        var candidates = (choices ?? [])
            .Select(c => new RecognizerChoice(c.Value) { Synonyms = [.. c.Synonyms ?? [], c.Title] })
            .ToList();
        // Only whole matches count (a typo, scored 0.7, does not): "no" is part of "no idea", but it does not mean it.
        var matched = ChoiceRecognizer.RecognizeAll(text, candidates, "en-GB")
            .Where(r => r.Value.Score >= WholeMatch)
            .ToList();
        return matched.Any(r => r.Value.Value != Choices.No || !LeadsTheReply(text!, r));
    }

    /// <summary>Only fillers come before the match: nothing we do not understand can hedge or turn it.</summary>
    private static bool LeadsTheReply(string text, Recognition<FoundChoice> match) =>
        ReplyShape.Words(text[..match.Start]).All(Fillers.Contains);
}
