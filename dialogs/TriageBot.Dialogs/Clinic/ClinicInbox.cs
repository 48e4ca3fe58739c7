using System.Text.Json;
using Microsoft.Extensions.Logging;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Clinic;

/// <summary>
/// The clinic's Teams channel as its referral inbox: what it is configured with and what it keeps, and the few things
/// every part of it does alike (read a referral into a card view, decide who is staff, update the posted card).
/// </summary>
public sealed class ClinicInbox(
    ClinicInboxOptions options,
    IClinicInboxStore store,
    IClinicChannel channel,
    IReferralStore referrals,
    IReferralProtector protector,
    IContentCatalog content,
    TimeProvider clock,
    ILogger<ClinicInbox> logger)
{
    internal ClinicInboxOptions Options => options;

    internal IClinicInboxStore Store => store;

    internal IClinicChannel Channel => channel;

    internal IReferralStore Referrals => referrals;

    internal IReferralProtector Protector => protector;

    internal IContentCatalog Content => content;

    internal TimeProvider Clock => clock;

    internal ILogger Log => logger;

    /// <summary>The channel referrals go to: configured, else captured at install; null when neither.</summary>
    internal async Task<ClinicChannelAddress?> ChannelAsync(CancellationToken cancellationToken) =>
        options.ConfiguredChannel ?? await store.FindChannelAsync(cancellationToken);

    /// <summary>Wording for cards and lists outside a turn, in the content's default locale (the clinic's).</summary>
    internal Wording Wording(string? locale = null) => new(content, new TurnContext(new Activity { Type = ActivityTypes.Message, Locale = locale }));

    internal async Task<ClinicCardView> ViewAsync(ReferralRecord referral, CancellationToken cancellationToken)
    {
        var answers = JsonSerializer.Deserialize(referral.SummaryJson, TriageJsonContext.Default.TriageState) ?? new TriageState();
        var audit = await store.ListAuditAsync(referral.Reference, cancellationToken);
        var claim = audit.LastOrDefault(a => a.Action == ClinicActions.Claim);
        var notes = await store.ListNotesAsync(referral.Reference, cancellationToken);
        var details = Details(referral);
        return new ClinicCardView(referral, answers, details.GetValueOrDefault("time"), claim is null ? null : claim.ActorName ?? "-", notes.Count);
    }

    internal ClinicContact Contact(ReferralRecord referral)
    {
        var details = Details(referral);
        return new ClinicContact(details.GetValueOrDefault("name") ?? "-", details.GetValueOrDefault("contact") ?? "-");
    }

    /// <summary>
    /// Staff: a member of the clinic's tenant (the tenant Teams puts in channelData and the conversation) whose Entra
    /// object id is on the allow-list, or, when membership checks are on, a member of the clinic's team.
    /// </summary>
    internal async Task<bool> IsStaffAsync(Activity activity, CancellationToken cancellationToken)
    {
        var tenant = ChannelDataTenant(activity);
        if (tenant is null || (activity.Conversation?.TenantId is { } conversationTenant && conversationTenant != tenant)
            || !string.Equals(tenant, options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (activity.From?.AadObjectId is { Length: > 0 } aad && options.StaffAadObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!options.CheckChannelMembership || activity.From?.Id is not { Length: > 0 } userId
            || await ChannelAsync(cancellationToken) is not { } address)
        {
            return false;
        }

        try
        {
            return await channel.IsMemberAsync(address.ServiceUrl, address.TeamId, userId, cancellationToken);
        }
        catch (ReferralDeliveryException e)
        {
            ClinicLog.MembershipCheckFailed(logger, e.Reason);
            return false;
        }
    }

    /// <summary>Puts the card in front of everyone in the channel; best effort (the invoke answer already shows it to the clicker).</summary>
    internal async Task UpdatePostedCardAsync(string reference, System.Text.Json.Nodes.JsonObject card, CancellationToken cancellationToken)
    {
        if (await store.FindPostByReferenceAsync(reference, cancellationToken) is not { } post)
        {
            return;
        }

        try
        {
            await channel.UpdateAsync(post.ServiceUrl, post.ConversationId, post.ActivityId, ClinicCard.Message(card), cancellationToken);
        }
        catch (ReferralDeliveryException e)
        {
            ClinicLog.CardUpdateFailed(logger, reference, e.Reason);
        }
    }

    /// <summary>The tenant Teams names in channelData (or, failing that, on the conversation).</summary>
    internal static string? ChannelDataTenant(Activity activity)
    {
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return activity.Conversation?.TenantId;
    }

    private Dictionary<string, string> Details(ReferralRecord referral) =>
        JsonSerializer.Deserialize(protector.Unprotect(referral.ProtectedContact), TriageJsonContext.Default.DictionaryStringString) ?? [];
}
