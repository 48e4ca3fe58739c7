using Microsoft.Extensions.Logging;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Middleware;

/// <summary>
/// Teams only: an activity from a tenant outside <see cref="TeamsTenantOptions.AllowedTenants"/> gets a polite
/// refusal (to a message or an install) and nothing else: the bot never runs, so no state is written and no dialog
/// starts. Other channels (Web Chat, the Emulator) carry no tenant and are not checked. Registered right after the
/// error middleware, so a refused turn does not even show "typing".
/// </summary>
public sealed partial class TeamsTenantGate(TeamsTenantOptions options, ILogger<TeamsTenantGate> logger) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext turnContext, TurnHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.ChannelId != ChannelIds.MsTeams || Allows(options, TeamsActivity.TenantId(activity)))
        {
            return next(turnContext, cancellationToken);
        }

        TenantRefused(logger, LogValues.ActivityType(activity.Type));
        if (activity.Type == ActivityTypes.Invoke)
        {
            turnContext.InvokeResponse = AdaptiveCardInvoke.Error(403, "TenantNotAllowed", "This app is not available in your organization.");
        }
        else if (activity.Type is ActivityTypes.Message || (activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("add", StringComparison.Ordinal) == true))
        {
            turnContext.SendActivity(MessageFactory.Text(options.RefusalMessage));
        }

        return Task.CompletedTask;
    }

    /// <summary>No list means every tenant; otherwise only the listed ones, and never an activity without a tenant.</summary>
    public static bool Allows(TeamsTenantOptions options, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AllowedTenants.Count == 0
            || (tenantId is not null && options.AllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase));
    }

    [LoggerMessage(EventId = 2100, EventName = "TeamsTenantRefused", Level = LogLevel.Warning,
        Message = "Teams activity from a tenant outside Channels:Teams:AllowedTenants refused. ActivityType={ActivityType}")]
    private static partial void TenantRefused(ILogger logger, string activityType);
}
