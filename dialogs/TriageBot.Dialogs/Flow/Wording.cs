using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TriageBot.Content;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Safety;
using TriageBot.Runtime.Choices;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// Content for this turn, in the person's locale (from the activity: en-GB by default, en-US where it applies).
/// Code names wording only by key; the words come from dialogs/content.
/// </summary>
public sealed class Wording(IContentCatalog content, TurnContext turn)
{
    /// <summary>
    /// A whole content question's options, by its prompt (one per key and locale, as long as the content lives) and
    /// the attempts allowed: content never changes, so asking it again is the same immutable options object, whose
    /// JSON the prompt's frame then writes from bytes made once (<c>PromptStateJson</c>).
    /// </summary>
    private static readonly ConditionalWeakTable<PromptContent, ConcurrentDictionary<int, PromptOptions>> WholeQuestions = [];

    public string? Locale => turn.Activity.Locale;

    public IContentCatalog Content => content;

    public string Text(string key, params (string Name, string Value)[] args) =>
        content.Text(key, Locale, args.Length == 0 ? null : args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    public void Say(string key, params (string Name, string Value)[] args) => Send(Text(key, args));

    /// <summary>Sends text that already comes from content (an education topic, a summary).</summary>
    public void Send(string text) => turn.SendActivity(MessageFactory.Text(text));

    /// <summary>
    /// A hazard's own advice said as soon as it is found (by the screen, a check question or free text), then the line
    /// naming its sources: it is marked as said, so the end of the triage would never cite it.
    /// </summary>
    public void SayAdvice(IReadOnlyList<string> adviceKeys)
    {
        ArgumentNullException.ThrowIfNull(adviceKeys);
        foreach (var key in adviceKeys)
        {
            Say(key);
        }

        SaySources(adviceKeys);
    }

    /// <summary>
    /// One line naming where the advice just given comes from (sources.yaml), each source once, in the order the
    /// messages cite them. Says nothing when none of the messages has sources.
    /// </summary>
    public void SaySources(IEnumerable<string> adviceKeys)
    {
        var names = adviceKeys.SelectMany(content.Sources).Select(c => c.ShortName).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            Say(ContentKeys.Advice.Source, (ContentKeys.Args.Source, string.Join("; ", names)));
        }
    }

    /// <summary>
    /// A question from content as prompt options: text, re-ask, and its choices as short buttons with synonyms; what
    /// to say to a question or free text instead of an answer, and when giving up. A safety question
    /// (<see cref="SafetyAnswer.IsSafetyQuestion"/>) takes whole answers only.
    /// </summary>
    public PromptOptions Ask(string promptKey, Func<ChoiceContent, bool>? include = null, IEnumerable<Choice>? extraFirst = null, int maxAttempts = 3)
    {
        var prompt = content.Prompt(promptKey, Locale);
        if (include is null && extraFirst is null)
        {
            var byAttempts = WholeQuestions.GetValue(prompt, static _ => new ConcurrentDictionary<int, PromptOptions>());
            return byAttempts.TryGetValue(maxAttempts, out var known)
                ? known
                : byAttempts.GetOrAdd(maxAttempts, Options(prompt, prompt.Choices.Select(ToChoice), maxAttempts));
        }

        return Options(prompt, [.. extraFirst ?? [], .. prompt.Choices.Where(c => include?.Invoke(c) ?? true).Select(ToChoice)], maxAttempts);
    }

    private PromptOptions Options(PromptContent prompt, IEnumerable<Choice> choices, int maxAttempts)
    {
        return new PromptOptions
        {
            Prompt = MessageFactory.Text(prompt.Text, InputHints.ExpectingInput),
            RetryPrompt = prompt.Retry is null ? null : MessageFactory.Text(prompt.Retry, InputHints.ExpectingInput),
            Choices = [.. choices],
            MaxAttempts = maxAttempts,
            MinimumScore = SafetyAnswer.IsSafetyQuestion(prompt) ? SafetyAnswer.WholeMatch : null,
            QuestionReply = MessageFactory.Text(Text(ContentKeys.Replies.Question)),
            FreeTextReply = MessageFactory.Text(Text(ContentKeys.Replies.FreeText)),
            NotUnderstoodReply = MessageFactory.Text(Text(ContentKeys.Errors.NotUnderstood)),
        };
    }

    public static Choice ToChoice(ChoiceContent choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return new Choice(choice.Id) { Synonyms = choice.Synonyms, Action = CardAction.ImBack(choice.Title) };
    }
}
