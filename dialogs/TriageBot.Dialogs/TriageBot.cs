using Microsoft.Extensions.Logging;
using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Referrals;
using TriageBot.Dialogs.Safety;
using TriageBot.Dialogs.Teams;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs;

/// <summary>
/// The triage bot: every message (and a start event such as Web Chat's <c>webchat/join</c>) goes to the dialogs;
/// the first one of any kind starts the welcome. In a one-to-one chat, a person joining (Emulator, Teams install)
/// starts it too, so the welcome and disclaimer come before anyone types. In a Teams group chat or channel the triage
/// never runs: <see cref="SharedChatReplies"/> answers there and moves anything personal to a private chat.
/// </summary>
public sealed class TriageBot(DialogManager dialogs, TriageServices services) : DialogBot(dialogs)
{
    private readonly SharedChatReplies _sharedChat = new(services);
    private readonly TeamsGreetings _greetings = new(services, dialogs);

    public static TriageBot Create(TriageServices services, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(loggers);
        var choice = new ChoicePrompt(PromptIds.Choice);
        var score = new NumberPrompt(PromptIds.Score, ScoreIsZeroToTen, scoreOutOf: 10);
        var duration = new DurationBandPrompt(PromptIds.Duration, services.Clock);
        var age = new AgeBandPrompt(PromptIds.Age);
        var text = new TextPrompt(PromptIds.Text);
        var contact = new TextPrompt(PromptIds.Contact, (p, _) => Task.FromResult(ContactValidator.IsValid(p.Recognized.Value)));
        var dialogs = new DialogSet()
            .Add(TriageDialog.Create(services, choice))
            .Add(new RedFlagScreenDialog(services, choice, age))
            .Add(new RedFlagCheckDialog(services, choice, loggers.CreateLogger<RedFlagCheckDialog>()))
            .Add(PainDialog.Create(services, choice, score, duration, text))
            .Add(NumbnessDialog.Create(services, choice))
            .Add(new NumbnessPlacesDialog(services, choice))
            .Add(new TreatmentsDialog(services, choice))
            .Add(new EducationDialog(services, choice))
            .Add(ReferralDialog.Create(services, choice, text, contact))
            .Add(ConfirmDialogs.DeleteData(services, choice))
            .Add(ConfirmDialogs.Restart(services, choice))
            .Add(choice).Add(score).Add(duration).Add(age).Add(text).Add(contact);
        IInterruption[] interruptions =
        [
            new RedFlagInterruption(services, loggers.CreateLogger<RedFlagInterruption>()),
            new GlobalCommandInterruption(services),
        ];
        var options = new DialogManagerOptions
        {
            RestartMessage = services.Content.Text(ContentKeys.Errors.DialogUpdated, null),
            StartEvents = new HashSet<string>(StringComparer.Ordinal) { "webchat/join", PrivateChatRequest.StartEventName },
        };
        return new TriageBot(new DialogManager(dialogs, TriageDialog.Id, interruptions, options, loggers.CreateLogger<DialogManager>()), services);
    }

    public override Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return TeamsGreetings.IsArrival(turnContext.Activity)
            ? _greetings.GreetAsync(turnContext, cancellationToken)
            : base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override Task OnMessageActivityAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!TeamsActivity.IsSharedChat(turnContext.Activity))
        {
            return base.OnMessageActivityAsync(turnContext, cancellationToken);
        }

        _sharedChat.Reply(turnContext);
        return Task.CompletedTask;
    }

    protected override Task OnEventActivityAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Name == PrivateChatRequest.StartEventName
            ? _greetings.StartPrivateChatAsync(turnContext, cancellationToken)
            : base.OnEventActivityAsync(turnContext, cancellationToken);
    }

    protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Conversation?.IsGroup == true || turnContext.State is null
            ? Task.CompletedTask
            : Dialogs.OnTurnAsync(turnContext, cancellationToken);
    }

    private static Task<bool> ScoreIsZeroToTen(PromptValidatorContext<double> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized is { Succeeded: true, Value: >= 0 and <= 10 });
}
