using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Clinic;

/// <summary>
/// Staff clicks on a referral card (<c>adaptiveCard/action</c> invokes with <c>Action.Execute</c>): Claim, Show
/// contact, Mark contacted, Add note, and Teams' automatic refresh. Order of checks: a malformed request gets 400 and
/// changes nothing; someone who is not staff gets the refusal card and changes nothing (and learns nothing about the
/// referral); an unknown reference gets 400. Every action is audited (who, when, what) and the card is updated for
/// everyone; Show contact alone answers with a card for the clicker only.
/// </summary>
public sealed class StaffActions(ClinicInbox inbox)
{
    public async Task<InvokeResponse> ExecuteAsync(JsonElement action, TurnContext turn, CancellationToken cancellationToken)
    {
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var reference = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(ClinicVerbs.ReferenceField, out var r)
            && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (!ClinicVerbs.IsKnown(verb) || string.IsNullOrEmpty(reference))
        {
            return Malformed(ClinicVerbs.IsKnown(verb) ? "no-reference" : "unknown-verb");
        }

        var activity = turn.Activity;
        var wording = inbox.Wording();
        if (!await inbox.IsStaffAsync(activity, cancellationToken) || activity.From?.AadObjectId is not { Length: > 0 } actor)
        {
            ClinicLog.ActionRefused(inbox.Log, verb!);
            return Card(ClinicCard.Refusal(wording));
        }

        if (await inbox.Referrals.FindAsync(reference, cancellationToken) is not { } referral)
        {
            return Malformed("unknown-reference");
        }

        var actorName = activity.From.Name;
        var now = inbox.Clock.GetUtcNow();
        switch (verb)
        {
            case ClinicVerbs.ShowContact:
                await AuditAsync(referral.Reference, ClinicActions.ShowContact, actor, actorName, now, cancellationToken);
                var view = await inbox.ViewAsync(referral, cancellationToken);
                return Card(ClinicCard.WithContact(wording, view, inbox.Contact(referral), activity.From.Id ?? actor));
            case ClinicVerbs.Claim:
                if (referral.Status == ReferralStatuses.Waiting)
                {
                    await inbox.Referrals.SetStatusAsync(referral.Reference, ReferralStatuses.Seen, cancellationToken);
                }

                await AuditAsync(referral.Reference, ClinicActions.Claim, actor, actorName, now, cancellationToken);
                break;
            case ClinicVerbs.MarkContacted:
                await inbox.Referrals.SetStatusAsync(referral.Reference, ReferralStatuses.Contacted, cancellationToken);
                await AuditAsync(referral.Reference, ClinicActions.MarkContacted, actor, actorName, now, cancellationToken);
                break;
            case ClinicVerbs.AddNote:
                var note = data.TryGetProperty(ClinicVerbs.NoteField, out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()?.Trim() : null;
                if (string.IsNullOrEmpty(note) || note.Length > ClinicVerbs.MaxNoteLength)
                {
                    return Malformed("note");
                }

                await inbox.Store.AddNoteAsync(new ClinicNote(referral.Reference, actor, actorName, now, inbox.Protector.Protect(note)), cancellationToken);
                await AuditAsync(referral.Reference, ClinicActions.AddNote, actor, actorName, now, cancellationToken);
                break;
            default:
                // Teams' automatic refresh: the shared card as it stands, never anyone's contact view.
                return Card(ClinicCard.Shared(wording, await inbox.ViewAsync(referral, cancellationToken)));
        }

        var updated = await inbox.Referrals.FindAsync(referral.Reference, cancellationToken) ?? referral;
        var card = ClinicCard.Shared(wording, await inbox.ViewAsync(updated, cancellationToken));
        await inbox.UpdatePostedCardAsync(referral.Reference, card, cancellationToken);
        return Card(card);
    }

    /// <summary>An invoke answer that replaces the card for the clicker: <c>application/vnd.microsoft.card.adaptive</c>.</summary>
    public static InvokeResponse Card(JsonObject card) => AdaptiveCardInvoke.Card(JsonSerializer.SerializeToElement(card, Flow.TriageJsonContext.Default.JsonObject));

    private async Task AuditAsync(string reference, string action, string actor, string? actorName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await inbox.Store.AppendAuditAsync(new ClinicAuditEntry(reference, action, actor, actorName, now), cancellationToken);
        ClinicLog.StaffAction(inbox.Log, reference, action);
    }

    private InvokeResponse Malformed(string problem)
    {
        ClinicLog.ActionMalformed(inbox.Log, problem);
        return AdaptiveCardInvoke.Error(400, "BadRequest", "The action is not a valid referral action.");
    }
}
