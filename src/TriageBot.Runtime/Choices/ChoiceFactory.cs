using System.Globalization;
using System.Text;
using TriageBot.Schema;

namespace TriageBot.Runtime.Choices;

/// <summary>
/// Turns a prompt and its choices into the message a channel renders best: suggested actions (addressed to the
/// user), a hero card with buttons, inline "(1) Yes or (2) No" text, or a numbered list.
/// </summary>
public static class ChoiceFactory
{
    /// <summary>The style <see cref="ListStyle.Auto"/> resolves to for a channel (Bot Builder's decision table).</summary>
    public static ListStyle ResolveAuto(string? channelId, string? conversationType, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var longTitles = choices.Count > 0 && choices.Max(c => c.Title.Length) > ChannelCapabilities.MaxActionTitleLength;
        var suggested = ChannelCapabilities.SupportsSuggestedActions(channelId, choices.Count, conversationType);
        var cards = ChannelCapabilities.SupportsCardActions(channelId, choices.Count);
        return (longTitles, suggested, cards) switch
        {
            (false, false, true) => ListStyle.HeroCard,
            (false, true, _) => ListStyle.SuggestedAction,
            (false, _, _) when choices.Count <= 3 => ListStyle.Inline,
            _ => ListStyle.List,
        };
    }

    /// <summary>Adds <paramref name="choices"/> to <paramref name="prompt"/> in the given style.</summary>
    public static Activity AppendChoices(Activity prompt, IReadOnlyList<Choice> choices, ListStyle style, ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(reference);
        if (style == ListStyle.Auto)
        {
            style = ResolveAuto(reference.ChannelId, reference.Conversation?.ConversationType, choices);
        }

        var text = prompt.Text ?? "";
        return style switch
        {
            ListStyle.SuggestedAction => prompt with
            {
                SuggestedActions = new SuggestedActions
                {
                    To = reference.User?.Id is { } userId ? [userId] : null,
                    Actions = [.. choices.Select(ToAction)],
                },
            },
            ListStyle.HeroCard => prompt with
            {
                Text = null,
                Attachments = [.. prompt.Attachments ?? [], new HeroCard { Text = text, Buttons = [.. choices.Select(ToAction)] }.ToAttachment()],
            },
            ListStyle.Inline => prompt with { Text = Inline(text, choices) },
            ListStyle.List => prompt with { Text = List(text, choices) },
            _ => prompt,
        };
    }

    private static CardAction ToAction(Choice choice) => choice.Action ?? CardAction.ImBack(choice.Value);

    /// <summary>"Pick one (1) Red, (2) Green, or (3) Blue"; two choices read "(1) Yes or (2) No".</summary>
    private static string Inline(string text, IReadOnlyList<Choice> choices)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < choices.Count; i++)
        {
            var separator = i == 0 ? " " : i < choices.Count - 1 ? ", " : choices.Count == 2 ? " or " : ", or ";
            builder.Append(separator).Append(CultureInfo.InvariantCulture, $"({i + 1}) {choices[i].Title}");
        }

        return builder.ToString();
    }

    private static string List(string text, IReadOnlyList<Choice> choices)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < choices.Count; i++)
        {
            builder.Append(i == 0 ? "\n\n" : "\n").Append(CultureInfo.InvariantCulture, $"   {i + 1}. {choices[i].Title}");
        }

        return builder.ToString();
    }
}
