using System.Text.Json;
using TriageBot.Recognizers;
using TriageBot.Schema;
using Choice = TriageBot.Runtime.Choices.Choice;
using RecognizerChoice = TriageBot.Recognizers.Choice;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// Reads a reply to a choice prompt the way a clinical bot must: a tapped button always means exactly itself; a
/// question, or free text that only partly matches an option, is never taken as an answer; only then are the words
/// matched ("the second one", synonyms, typos). Every choice prompt reads replies through here.
/// </summary>
public static class ChoiceReply
{
    /// <summary>Names of a card or postBack value's property that carry the choice, as Web Chat and Teams send them.</summary>
    private static readonly string[] ValueProperties = ["choice", "value", "id"];

    /// <summary>
    /// The choice a button press (or the exact words of one) picked: the reply is exactly a button's title, a choice's
    /// value (postBack / messageBack send it in <see cref="Activity.Value"/>), or one of its synonyms. Titles win over
    /// values, and values over synonyms, so a title always records its own choice.
    /// </summary>
    public static FoundChoice? Pressed(Activity activity, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(choices);
        foreach (var said in Said(activity).Select(Normalize).Where(s => s.Length > 0))
        {
            var found = Find(choices, said, c => [c.Title]) ?? Find(choices, said, c => [c.Value]) ?? Find(choices, said, c => c.Synonyms ?? []);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The whole reading: a press, else a question or free text (not answers), else the best match of the words.</summary>
    /// <param name="minimumScore">Partial matches scoring below this are not answers (safety questions take whole answers only).</param>
    /// <param name="questionsPick">A question naming an option in full picks it (a menu of topics); otherwise questions are never answers.</param>
    public static PromptRecognition<FoundChoice> Read(
        Activity activity, IReadOnlyList<Choice> choices, string culture, double? minimumScore = null, bool questionsPick = false)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Pressed(activity, choices) is { } pressed)
        {
            return PromptRecognition<FoundChoice>.Of(pressed);
        }

        var text = activity.Text;
        var found = ChoiceRecognizer.Recognize(text, Candidates(choices), culture);
        if (ReplyShape.IsQuestion(text))
        {
            return questionsPick && found is { Succeeded: true, Value.Score: >= 1.0, Value.Synonym: not null }
                ? PromptRecognition<FoundChoice>.Of(found.Value)
                : PromptRecognition<FoundChoice>.NotAnAnswer(ReplyKind.Question);
        }

        if (found is not { Succeeded: true, Value: var best })
        {
            return PromptRecognition<FoundChoice>.Failed;
        }

        if (best.Score < 1.0 && ReplyShape.IsLong(text))
        {
            return PromptRecognition<FoundChoice>.NotAnAnswer(ReplyKind.FreeText);
        }

        return best.Score < (minimumScore ?? 0) ? PromptRecognition<FoundChoice>.Failed : PromptRecognition<FoundChoice>.Of(best);
    }

    /// <summary>
    /// Every choice a typed reply names in whole words ("left foot and groin" names two). Where two matches overlap the
    /// longer one wins: "between my legs" is the saddle area, not both legs.
    /// </summary>
    public static IReadOnlyList<string> AllNamed(string? text, IReadOnlyList<Choice> choices, string culture)
    {
        var kept = new List<Recognition<FoundChoice>>();
        foreach (var match in ChoiceRecognizer.RecognizeAll(text, Candidates(choices), culture)
            .Where(m => m.Value.Score >= 1.0 && m.Value.Synonym is not null)
            .OrderByDescending(m => m.Length).ThenBy(m => m.Value.Index))
        {
            if (!kept.Any(k => match.Start < k.End && k.Start < match.End))
            {
                kept.Add(match);
            }
        }

        return [.. kept.OrderBy(k => k.Start).Select(k => k.Value.Value).Distinct(StringComparer.Ordinal)];
    }

    internal static List<RecognizerChoice> Candidates(IReadOnlyList<Choice> choices) =>
        [.. (choices ?? []).Select(c => new RecognizerChoice(c.Value) { Synonyms = [.. c.Synonyms ?? [], c.Title] })];

    private static FoundChoice? Find(IReadOnlyList<Choice> choices, string said, Func<Choice, IEnumerable<string>> names)
    {
        for (var index = 0; index < choices.Count; index++)
        {
            if (names(choices[index]).FirstOrDefault(n => Normalize(n) == said) is { } name)
            {
                return new FoundChoice(choices[index].Value, index, 1.0, name);
            }
        }

        return null;
    }

    /// <summary>What the reply says: its text (imBack, messageBack), and a string value or a value's choice property (postBack).</summary>
    private static IEnumerable<string> Said(Activity activity)
    {
        if (activity.Text is { } text)
        {
            yield return text;
        }

        if (activity.Value is { ValueKind: JsonValueKind.String } plain)
        {
            yield return plain.GetString() ?? "";
        }
        else if (activity.Value is { ValueKind: JsonValueKind.Object } card)
        {
            foreach (var name in ValueProperties)
            {
                if (card.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    yield return v.GetString() ?? "";
                }
            }
        }
    }

    /// <summary>Case, spacing, curly apostrophes and a closing full stop or "!" do not change which button it is.</summary>
    private static string Normalize(string said) =>
        string.Join(' ', said.Trim().TrimEnd('.', '!').Replace('\u2019', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToLowerInvariant();
}
