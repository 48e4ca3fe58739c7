using System.Text.Json;
using Microsoft.Extensions.Logging;
using TriageBot.Dialogs.Clinic;
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
public sealed class TriageBot(DialogManager dialogs, TriageServices services, StaffActions? staff = null) : DialogBot(dialogs)
{
    private readonly SharedChatReplies _sharedChat = new(services);
    private readonly TeamsGreetings _greetings = new(services, dialogs);

    public static TriageBot Create(TriageServices services, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(loggers);
        var choice = new ChoicePrompt(PromptIds.Choice);
        var score = ScorePrompt();
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
            .Add(NumbnessPlacesDialog.Create(services, choice))
            .Add(PainPlacesDialog.Create(services, choice))
            .Add(new TreatmentsDialog(services, choice))
            .Add(new EducationDialog(services, choice))
            .Add(ReferralDialog.Create(services, choice, text, contact))
            .Add(ConfirmDialogs.DeleteData(services, choice))
            .Add(ConfirmDialogs.Restart(services, choice))
            .Add(choice).Add(score).Add(duration).Add(age).Add(text).Add(contact);
        IInterruption[] interruptions =
        [
            .. services.Clinic is { } clinic ? [new StaffCommandInterruption(clinic)] : Array.Empty<IInterruption>(),
            new RedFlagInterruption(services, loggers.CreateLogger<RedFlagInterruption>()),
            new GlobalCommandInterruption(services),
        ];
        var options = new DialogManagerOptions
        {
            RestartMessage = services.Content.Text(ContentKeys.Errors.DialogUpdated, null),
            StartEvents = new HashSet<string>(StringComparer.Ordinal) { "webchat/join", PrivateChatRequest.StartEventName },
        };
        return new TriageBot(
            new DialogManager(dialogs, TriageDialog.Id, interruptions, options, loggers.CreateLogger<DialogManager>()),
            services,
            services.Clinic is { } inbox ? new StaffActions(inbox) : null);
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

    /// <summary>Staff clicks on referral cards; without a clinic inbox there are no cards to click (501).</summary>
    protected override async Task<InvokeResponse?> OnAdaptiveCardExecuteAsync(JsonElement action, TurnContext turnContext, CancellationToken cancellationToken) =>
        staff is null ? null : await staff.ExecuteAsync(action, turnContext, cancellationToken);

    /// <summary>The pain score question's prompt: a number 0 to 10, said any way ("7", "seven out of ten", "6 or 7").</summary>
    internal static NumberPrompt ScorePrompt() => new(PromptIds.Score, ScoreIsZeroToTen, scoreOutOf: 10);

    private static Task<bool> ScoreIsZeroToTen(PromptValidatorContext<double> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized is { Succeeded: true, Value: >= 0 and <= 10 });
}
