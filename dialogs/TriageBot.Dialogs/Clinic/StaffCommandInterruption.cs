using System.Globalization;
using System.Text.RegularExpressions;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Referrals;
using static TriageBot.Dialogs.ContentKeys;
using ClinicKeys = TriageBot.Dialogs.ContentKeys.Clinic;

namespace TriageBot.Dialogs.Clinic;

/// <summary>
/// Staff commands in a one-to-one chat with the bot: <c>referrals</c> (open ones, newest first; <c>referrals 2</c>
/// for the next page) and <c>referral TB-…</c> (that referral's card, with its actions). Anyone who is not staff, or
/// the same words in a group chat or channel, gets the normal bot: this interruption lets the message through.
/// </summary>
internal sealed partial class StaffCommandInterruption(ClinicInbox inbox) : IInterruption
{
    public async Task<InterruptionResult> OnMessageAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        var text = activity.Text?.Trim() ?? "";
        var list = ListCommand().Match(text);
        var one = list.Success ? null : OneCommand().Match(text);
        if ((!list.Success && one is not { Success: true }) || activity.Conversation?.IsGroup == true
            || activity.Conversation?.ConversationType is "channel" or "groupChat"
            || !await inbox.IsStaffAsync(activity, cancellationToken))
        {
            return InterruptionResult.NotHandled;
        }

        var wording = new Wording(inbox.Content, dc.Context);
        if (list.Success)
        {
            var page = list.Groups[1].Success ? int.Parse(list.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
            wording.Send(await PageAsync(wording, Math.Max(page, 1), cancellationToken));
            return InterruptionResult.Handled;
        }

        var reference = one!.Groups[1].Value.ToUpperInvariant();
        if (await inbox.Referrals.FindAsync(reference, cancellationToken) is { } referral)
        {
            dc.Context.SendActivity(ClinicCard.Message(ClinicCard.Shared(wording, await inbox.ViewAsync(referral, cancellationToken))));
        }
        else
        {
            wording.Say(ClinicKeys.List.NotFound, (Args.Reference, reference));
        }

        return InterruptionResult.Handled;
    }

    private async Task<string> PageAsync(Wording wording, int page, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(inbox.Options.PageSize, 1, ReferralStatusArguments.MaxPage - 1);
        var skip = (int)Math.Min((long)(page - 1) * size, int.MaxValue - size - 1);

        // One more than a page says whether another page follows.
        var open = await inbox.Referrals.ListOpenAsync(skip, size + 1, cancellationToken);
        if (open.Count == 0)
        {
            return wording.Text(ClinicKeys.List.Empty);
        }

        var lines = new List<string> { wording.Text(ClinicKeys.List.Title, (Args.Page, page.ToString(CultureInfo.InvariantCulture))) };
        lines.AddRange(open.Take(size).Select(r => "- " + wording.Text(ClinicKeys.List.Item,
            (Args.Reference, r.Reference),
            (Args.Outcome, wording.Text(Outcomes.OutcomeNameKey(r.Disposition))),
            (Args.Status, wording.Text(ClinicCard.StatusKey(r.Status))),
            (Args.Created, r.CreatedUtc.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))));
        if (open.Count > size)
        {
            lines.Add(wording.Text(ClinicKeys.List.More, (Args.Page, (page + 1).ToString(CultureInfo.InvariantCulture))));
        }

        return string.Join("\n\n", lines);
    }

    [GeneratedRegex(@"^referrals(?:\s+(\d{1,4}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListCommand();

    [GeneratedRegex(@"^referral\s+(TB-[A-Z0-9]{8})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OneCommand();
}
