using TriageBot.Runtime.Choices;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Flow;

/// <summary>Questions where several answers can be chosen (treatments tried, where the numbness is).</summary>
internal static class Picks
{
    /// <summary>
    /// Everything this reply chose: a tapped button is exactly itself; typed words may name several ("painkillers and
    /// physio", "left foot and groin"), the longer words winning ("between my legs" is the saddle area); else the
    /// one the prompt understood ("the second one").
    /// </summary>
    public static IReadOnlyList<string> Of(DialogContext dc, IReadOnlyList<Choice> choices, string picked)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        if (ChoiceReply.Pressed(activity, choices) is not null)
        {
            return [picked];
        }

        var culture = activity.Locale is { } l && l.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? l : "en-GB";
        return ChoiceReply.AllNamed(activity.Text, choices, culture) is { Count: > 0 } named ? named : [picked];
    }
}
