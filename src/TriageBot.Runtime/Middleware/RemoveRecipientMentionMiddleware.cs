using System.Text.RegularExpressions;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Middleware;

/// <summary>
/// Teams puts <c>&lt;at&gt;Clinic Bot&lt;/at&gt;</c> into the text of group and channel messages. Before anything
/// reads the text, remove every mention of the bot itself (mentions of other people stay), as Bot Builder's
/// <c>RemoveRecipientMention</c> does.
/// </summary>
public sealed class RemoveRecipientMentionMiddleware : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext turnContext, TurnHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        turnContext.Activity = RemoveRecipientMention(turnContext.Activity);
        return next(turnContext, cancellationToken);
    }

    public static Activity RemoveRecipientMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Text is null || activity.Entities is null || activity.Recipient?.Id is not { } botId)
        {
            return activity;
        }

        var text = activity.Text;
        foreach (var entity in activity.Entities)
        {
            var mention = Mention.From(entity);
            if (mention is null || mention.Mentioned.Id != botId)
            {
                continue;
            }

            var markup = mention.Text ?? $"<at>{mention.Mentioned.Name}</at>";
            text = Regex.Replace(text, Regex.Escape(markup), string.Empty, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }

        text = text.Trim();
        return text == activity.Text ? activity : activity with { Text = text };
    }
}
