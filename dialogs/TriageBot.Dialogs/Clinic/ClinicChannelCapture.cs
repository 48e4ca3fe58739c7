using System.Text.Json;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Clinic;

/// <summary>
/// When the clinic's channel is not configured, it is captured as the bot is installed in a team of the clinic's
/// tenant: Teams' <c>installationUpdate</c> or <c>conversationUpdate</c> from a channel carries
/// <c>channelData.team</c> and <c>channelData.channel</c> (the General channel's id is the team's). A team other
/// than a configured one, or another tenant, is never captured. The turn then goes on as usual.
/// </summary>
public sealed class ClinicChannelCapture(ClinicInbox inbox) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turnContext, TurnHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type is ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate
            && inbox.Options.ConfiguredChannel is null
            && Captured(activity, inbox.Options) is { } address)
        {
            await inbox.Store.SaveChannelAsync(address, cancellationToken);
            ClinicLog.ChannelCaptured(inbox.Log);
        }

        await next(turnContext, cancellationToken);
    }

    private static ClinicChannelAddress? Captured(Activity activity, ClinicInboxOptions options)
    {
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } data || activity.Action is "remove" or "remove-upgrade"
            || Id(data, "team") is not { } teamId || activity.ServiceUrl is not { Length: > 0 } serviceUrl
            || !string.Equals(ClinicInbox.ChannelDataTenant(activity), options.TenantId, StringComparison.OrdinalIgnoreCase)
            || (options.TeamId is { Length: > 0 } configuredTeam && configuredTeam != teamId))
        {
            return null;
        }

        var channelId = options.ChannelId is { Length: > 0 } configured ? configured : Id(data, "channel") ?? teamId;
        return new ClinicChannelAddress(serviceUrl, options.TenantId!, teamId, channelId);
    }

    private static string? Id(JsonElement data, string property) =>
        data.TryGetProperty(property, out var item) && item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
