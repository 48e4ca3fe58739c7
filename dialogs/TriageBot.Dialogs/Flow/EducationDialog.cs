using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Runtime.Choices;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// Education as a short menu, tailored to the answers (topics shown for "all" or for a finding the person has),
/// that they can pick from and leave at any time. Each snippet names its source.
/// Begun with the findings as options.
/// </summary>
internal sealed class EducationDialog(TriageServices services, ChoicePrompt choice) : Dialog(Id, 1)
{
    public new const string Id = "triage.education";

    /// <summary>Topics offered at a time: a short menu reads better, and Teams cards show about six buttons.</summary>
    private const int MenuSize = 5;

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var findings = options?.Deserialize(TriageJsonContext.Default.IReadOnlyListString) ?? [];
        var topics = services.Content.Education(dc.Context.Activity.Locale)
            .Where(t => t.ShowFor.Contains("all") || t.ShowFor.Any(findings.Contains))
            .Select(t => t.Id)
            .ToList();
        if (topics.Count == 0)
        {
            return dc.EndDialogAsync(null, cancellationToken);
        }

        new Wording(services.Content, dc.Context).Say(ContentKeys.Education.Intro);
        return AskAsync(dc, new EducationState(topics), cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var remaining = dc.ActiveDialog!.GetState(TriageJsonContext.Default.EducationState)?.Shown ?? [];
        var wording = new Wording(services.Content, dc.Context);
        var picked = choice.ReadOutcome(result).TryGetValue(out var found) ? found.Value : null;
        var topic = services.Content.Education(dc.Context.Activity.Locale).FirstOrDefault(t => t.Id == picked);
        if (topic is not null)
        {
            Show(wording, topic);
            remaining = [.. remaining.Where(id => id != topic.Id)];
            if (remaining.Count > 0)
            {
                return await AskAsync(dc, new EducationState(remaining), cancellationToken);
            }
        }

        wording.Say(ContentKeys.Education.Done);
        return await dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A topic's text, then its source.</summary>
    public static void Show(Wording wording, EducationTopic topic)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(topic);
        wording.Send(topic.Text);
        wording.Say(ContentKeys.Education.Source, (ContentKeys.Args.Source, topic.Source.Name));
    }

    /// <remarks><see cref="EducationState.Shown"/> holds the topics still on the menu.</remarks>
    private Task<DialogTurnResult> AskAsync(DialogContext dc, EducationState state, CancellationToken cancellationToken)
    {
        dc.ActiveDialog!.SetState(state, TriageJsonContext.Default.EducationState);
        var remaining = state.Shown ?? [];
        var topics = services.Content.Education(dc.Context.Activity.Locale)
            .Where(t => remaining.Contains(t.Id))
            .Take(MenuSize)
            .Select(t => new Choice(t.Id) { Action = CardAction.ImBack(t.Title), Synonyms = [t.Title] });
        // Here a question is how people pick a topic ("how long is the recovery time?").
        var options = new Wording(services.Content, dc.Context).Ask(ContentKeys.Prompt.Education.Menu, extraFirst: topics, maxAttempts: 2) with { QuestionsPick = true };
        return dc.PromptAsync(PromptIds.Choice, options, cancellationToken);
    }
}
