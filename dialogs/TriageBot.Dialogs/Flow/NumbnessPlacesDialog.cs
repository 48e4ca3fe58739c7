using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// Where the numbness, tingling or weakness is: several places, tapped one at a time ("anywhere else?") or typed
/// together ("left foot and groin"). A place that is an emergency on its own (the saddle area) ends the
/// question at once: asking for more would only delay the advice. Ends with the places (choice ids).
/// </summary>
internal sealed class NumbnessPlacesDialog(TriageServices services, ChoicePrompt choice) : Dialog(Id, 1)
{
    public new const string Id = "triage.numbness.places";

    /// <summary>True for a place that is an emergency on its own.</summary>
    public static bool IsEmergency(string place) => place is "saddle";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken) =>
        AskAsync(dc, [], cancellationToken);

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var places = dc.ActiveDialog!.GetState(TriageJsonContext.Default.IReadOnlyListString) ?? [];
        if (!choice.ReadOutcome(result).TryGetValue(out var found) || found.Value == Choices.Done)
        {
            return await EndAsync(dc, places, cancellationToken);
        }

        var named = Picks.Of(dc, Options(dc, places).Choices ?? [], found.Value);
        places = [.. places.Union(named.Where(p => p != Choices.Done), StringComparer.Ordinal)];
        var remaining = services.Content.Prompt(ContentKeys.Prompt.Numbness.Where, dc.Context.Activity.Locale).Choices.Where(c => !places.Contains(c.Id));
        return named.Contains(Choices.Done) || places.Any(IsEmergency) || !remaining.Any()
            ? await EndAsync(dc, places, cancellationToken)
            : await AskAsync(dc, places, cancellationToken);
    }

    /// <summary>The first ask offers every place; later ones the places not chosen yet, and Done.</summary>
    private PromptOptions Options(DialogContext dc, IReadOnlyList<string> places) =>
        places.Count == 0
            ? new Wording(services.Content, dc.Context).Ask(ContentKeys.Prompt.Numbness.Where)
            : new Wording(services.Content, dc.Context).Ask(ContentKeys.Prompt.Numbness.WhereMore, (ChoiceContent c) => !places.Contains(c.Id));

    private Task<DialogTurnResult> AskAsync(DialogContext dc, IReadOnlyList<string> places, CancellationToken cancellationToken)
    {
        dc.ActiveDialog!.SetState(places, TriageJsonContext.Default.IReadOnlyListString);
        return dc.PromptAsync(PromptIds.Choice, Options(dc, places), cancellationToken);
    }

    private static Task<DialogTurnResult> EndAsync(DialogContext dc, IReadOnlyList<string> places, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(JsonSerializer.SerializeToElement(places, TriageJsonContext.Default.IReadOnlyListString), cancellationToken);
}
