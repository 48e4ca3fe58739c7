using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// A "where" question that takes several places, tapped one at a time ("anywhere else?") or typed together ("left
/// foot and groin", "neck and lower back"). A place that is an emergency on its own ends the question at once: asking
/// for more would only delay the advice. Ends with the places (choice ids), in the order chosen; none when the
/// answer was not understood.
/// </summary>
/// <param name="whereKey">The first question, offering every place.</param>
/// <param name="moreKey">The next ones: the places not chosen yet, and Done.</param>
/// <param name="endsAt">A place after which no more are asked.</param>
internal sealed class PlacesDialog(
    string id, TriageServices services, ChoicePrompt choice, string whereKey, string moreKey, Func<string, bool> endsAt) : Dialog(id, 1)
{
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
        var remaining = services.Content.Prompt(whereKey, dc.Context.Activity.Locale).Choices.Where(c => !places.Contains(c.Id));
        return named.Contains(Choices.Done) || places.Any(endsAt) || !remaining.Any()
            ? await EndAsync(dc, places, cancellationToken)
            : await AskAsync(dc, places, cancellationToken);
    }

    private PromptOptions Options(DialogContext dc, IReadOnlyList<string> places) =>
        places.Count == 0
            ? new Wording(services.Content, dc.Context).Ask(whereKey)
            : new Wording(services.Content, dc.Context).Ask(moreKey, (ChoiceContent c) => !places.Contains(c.Id));

    private Task<DialogTurnResult> AskAsync(DialogContext dc, IReadOnlyList<string> places, CancellationToken cancellationToken)
    {
        dc.ActiveDialog!.SetState(places, TriageJsonContext.Default.IReadOnlyListString);
        return dc.PromptAsync(PromptIds.Choice, Options(dc, places), cancellationToken);
    }

    private static Task<DialogTurnResult> EndAsync(DialogContext dc, IReadOnlyList<string> places, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(JsonSerializer.SerializeToElement(places, TriageJsonContext.Default.IReadOnlyListString), cancellationToken);
}

/// <summary>Where the numbness, tingling or weakness is; the saddle area is an emergency on its own.</summary>
internal static class NumbnessPlacesDialog
{
    public const string Id = "triage.numbness.places";

    /// <summary>True for a place that is an emergency on its own.</summary>
    public static bool IsEmergency(string place) => place is "saddle";

    public static Dialog Create(TriageServices services, ChoicePrompt choice) =>
        new PlacesDialog(Id, services, choice, ContentKeys.Prompt.Numbness.Where, ContentKeys.Prompt.Numbness.WhereMore, IsEmergency);
}

/// <summary>
/// Where the pain is (asked in the red-flag screen, after age): every place is recorded, so upper or middle back pain
/// counts whenever it is one of them, and the neck-only questions are asked only when the neck hurts.
/// </summary>
internal static class PainPlacesDialog
{
    public const string Id = "triage.pain.places";

    public static Dialog Create(TriageServices services, ChoicePrompt choice) =>
        new PlacesDialog(Id, services, choice, ContentKeys.Prompt.Pain.Location, ContentKeys.Prompt.Pain.LocationMore, _ => false);
}
