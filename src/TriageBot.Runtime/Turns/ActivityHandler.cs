using System.Text.Json;
using TriageBot.Schema;

namespace TriageBot.Runtime.Turns;

/// <summary>
/// Routes a turn by activity type, as Bot Builder's ActivityHandler does, with only the hooks a clinic bot needs.
/// Unknown activity types are ignored politely.
/// </summary>
public abstract class ActivityHandler : IBot
{
    public virtual Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Event => OnEventActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => RunInvokeAsync(turnContext, cancellationToken),
            ActivityTypes.EndOfConversation => OnEndOfConversationActivityAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    protected virtual Task OnMessageActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnEventActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnEndOfConversationActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called with the members added, never including the bot itself.</summary>
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Answers an <c>invoke</c>; return null for "not implemented" (HTTP 501).</summary>
    protected virtual Task<InvokeResponse?> OnInvokeActivityAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Name == AdaptiveCardInvoke.Name
            ? OnAdaptiveCardActionAsync(turnContext, cancellationToken)
            : Task.FromResult<InvokeResponse?>(null);
    }

    /// <summary>An Adaptive Card <c>Action.Execute</c>. The request shape is checked before this runs.</summary>
    protected virtual Task<InvokeResponse?> OnAdaptiveCardExecuteAsync(JsonElement action, TurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult<InvokeResponse?>(null);

    private Task OnConversationUpdateActivityAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        var added = (turnContext.Activity.MembersAdded ?? [])
            .Where(m => m.Id is not null && m.Id != botId)
            .ToList();
        return added.Count > 0 ? OnMembersAddedAsync(added, turnContext, cancellationToken) : Task.CompletedTask;
    }

    private async Task RunInvokeAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.InvokeResponse = await OnInvokeActivityAsync(turnContext, cancellationToken);

    private Task<InvokeResponse?> OnAdaptiveCardActionAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        var problem = AdaptiveCardInvoke.Validate(turnContext.Activity.Value, out var action);
        return problem is not null
            ? Task.FromResult<InvokeResponse?>(problem)
            : OnAdaptiveCardExecuteAsync(action, turnContext, cancellationToken);
    }
}
