using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Turns;

namespace TriageBot.Dialogs.Referrals;

/// <summary>
/// The references of the referrals made in this conversation, kept beside the dialog stack (per person in a group
/// chat), so "what happened to my request?" is answered from the store for these references only: never from
/// anything the person types, so nobody can ask about someone else's reference.
/// </summary>
internal static class ConversationReferrals
{
    private const string Key = "triage.references";

    /// <summary>At most this many are kept (oldest dropped): a conversation makes one or two.</summary>
    private const int Max = 5;

    public static IReadOnlyList<string> Of(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.State?.Dialog.Get(Key, TriageJsonContext.Default.ListString) ?? [];
    }

    /// <summary>Remembers <paramref name="reference"/>; a turn re-run adds it once.</summary>
    public static void Remember(TurnContext turn, string reference)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.State?.Dialog is not { } scope)
        {
            return;
        }

        var references = Of(turn).Where(r => r != reference).Append(reference).TakeLast(Max).ToList();
        scope.Set(Key, references, TriageJsonContext.Default.ListString);
    }
}
