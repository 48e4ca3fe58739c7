using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Teams;

/// <summary>
/// What the bot says when it arrives in Teams. Installing it sends both <c>installationUpdate</c> (action add) and
/// <c>conversationUpdate</c> (the bot among <c>membersAdded</c>), in either order, so each greeting is said once:
/// a short intro in a team or group chat (remembered in the chat's shared state, which holds nothing personal), the
/// welcome and first question in a personal chat (only when no triage is under way there). Removal says nothing.
/// </summary>
internal sealed class TeamsGreetings(TriageServices services, DialogManager dialogs)
{
    private const string IntroducedProperty = "teams.introduced";

    /// <summary>True for a Teams install, or a Teams conversation update that adds the bot itself.</summary>
    public static bool IsArrival(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelId != ChannelIds.MsTeams)
        {
            return false;
        }

        return activity.Type switch
        {
            ActivityTypes.InstallationUpdate => activity.Action is "add" or "add-upgrade",
            ActivityTypes.ConversationUpdate => activity.Recipient?.Id is { } botId && (activity.MembersAdded ?? []).Any(m => m.Id == botId),
            _ => false,
        };
    }

    public Task GreetAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.State is null)
        {
            return Task.CompletedTask;
        }

        if (TeamsActivity.IsSharedChat(turn.Activity))
        {
            if (turn.State.Conversation.Get(IntroducedProperty, TriageJsonContext.Default.String) is null)
            {
                turn.State.Conversation.Set(IntroducedProperty, "yes", TriageJsonContext.Default.String);
                new Wording(services.Content, turn).Say(ContentKeys.Teams.Intro);
            }

            return Task.CompletedTask;
        }

        return DialogManager.HasActiveDialog(turn) ? Task.CompletedTask : BeginAsync(turn, cancellationToken);
    }

    /// <summary>
    /// The first turn of a private chat the bot opened from a group chat or channel: the welcome and first question,
    /// or, when the person is already part-way through here, a line saying so (the question is just above).
    /// </summary>
    public Task StartPrivateChatAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (DialogManager.HasActiveDialog(turn))
        {
            new Wording(services.Content, turn).Say(ContentKeys.Teams.PrivateChatResume);
            return Task.CompletedTask;
        }

        return BeginAsync(turn, cancellationToken);
    }

    /// <summary>Begins the triage as a start event does (installationUpdate itself does not start dialogs).</summary>
    private async Task BeginAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        turn.Activity = turn.Activity with { Type = ActivityTypes.Event, Name = PrivateChatRequest.StartEventName };
        await dialogs.OnTurnAsync(turn, cancellationToken);
    }
}
