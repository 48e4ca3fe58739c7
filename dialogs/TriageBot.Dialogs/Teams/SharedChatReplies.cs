using TriageBot.Content.Model;
using TriageBot.Dialogs.Commands;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Teams;

/// <summary>
/// A message in a Teams group chat or channel, where everyone reads everything. The bot answers what is the same for
/// everyone there (help, how to reach the clinic, general information about back pain); anything else would start
/// personal questions, so it asks the channel to open a private chat with the sender and says only a neutral line
/// here. Red flags typed here get general emergency advice here (the same words whatever was typed, never an echo),
/// because the private chat may fail to open or be read later.
/// </summary>
internal sealed class SharedChatReplies(TriageServices services)
{
    // What people type to ask for the information menu. Input vocabulary (like prompt synonyms), not bot wording.
    private static readonly HashSet<string> InformationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "information", "info", "education", "topics", "learn", "learn more", "read", "treatments", "treatment options",
    };

    /// <summary>Topics in the menu: the general ones ("all"), at most this many (Teams cards show about six buttons).</summary>
    private const int MenuSize = 6;

    public void Reply(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var wording = new Wording(services.Content, turn);
        var text = turn.Activity.Text?.Trim() ?? "";
        if (GlobalCommandInterruption.IsHelp(text))
        {
            wording.Say(ContentKeys.Commands.Help);
        }
        else if (GlobalCommandInterruption.IsHuman(text))
        {
            wording.Say(ContentKeys.Commands.Human);
        }
        else if (InformationWords.Contains(text.TrimEnd('.', '!', '?')))
        {
            turn.SendActivity(Menu(wording));
        }
        else if (GeneralTopics(wording).FirstOrDefault(t => string.Equals(t.Title, text, StringComparison.OrdinalIgnoreCase)) is { } topic)
        {
            EducationDialog.Show(wording, topic);
        }
        else
        {
            if (text.Length > 0 && services.FreeText.Read(text).Present.Count > 0)
            {
                wording.Say(ContentKeys.Teams.GroupSafety);
            }

            turn.RequestPrivateChat(
                MessageFactory.Text(wording.Text(ContentKeys.Teams.PrivateChatSent)),
                MessageFactory.Text(wording.Text(ContentKeys.Teams.PrivateChatUnavailable)));
        }
    }

    /// <summary>The general topics as a card of buttons; a tap sends the title back, which <see cref="Reply"/> answers.</summary>
    public Activity Menu(Wording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        var card = new HeroCard
        {
            Text = wording.Text(ContentKeys.Teams.EducationMenu),
            Buttons = [.. GeneralTopics(wording).Take(MenuSize).Select(t => CardAction.ImBack(t.Title))],
        };
        return new Activity { Type = ActivityTypes.Message, Attachments = [card.ToAttachment()] };
    }

    private IEnumerable<EducationTopic> GeneralTopics(Wording wording) =>
        services.Content.Education(wording.Locale).Where(t => t.ShowFor.Contains("all"));
}
