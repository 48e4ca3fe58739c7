using CsCheck;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.AnswerSets;

/// <summary>
/// Generates whole answer sets from the content's own choices (every age band, every yes / no / not sure, every
/// pain location, spread, 0-10 score, duration band, numbness answer and place, treatment set). Each set first
/// draws how often its screen answers are positive (never, rarely, sometimes, often), so sets reach every part of
/// the triage, not only the screen's first emergency. Shrinking goes towards "no" to everything and the first
/// choice: a failing case shrinks to the few answers that matter.
/// </summary>
internal static class AnswerSetGen
{
    /// <summary>Per set, a screen answer is positive when its draw (0-99) is at least this: never, 3%, 10%, 30%.</summary>
    private static readonly int[] PositiveFrom = [100, 97, 90, 70];

    private static readonly string[] Locales = ["en-GB", "en-US"];

    /// <param name="mostPositive">How often screen answers may be positive at most (index into never, 3%, 10%, 30%):
    /// whole conversations use fewer, so more of them get past the screen.</param>
    public static Gen<AnswerSet> For(IContentCatalog content, int mostPositive = 3)
    {
        ArgumentNullException.ThrowIfNull(content);
        string[] Ids(string prompt) => [.. content.Prompt(prompt, null).Choices.Select(c => c.Id)];
        var locations = Ids(Prompt.Pain.Location);
        var spreads = Ids(Prompt.Pain.Spread);
        var durations = Ids(Prompt.Pain.Duration);
        var places = Ids(Prompt.Numbness.Where);
        var treatments = Ids(Prompt.Treatments.Pick).Where(id => id != Choices.None).ToArray();
        var helped = Ids(Prompt.Treatments.Helped);
        var order = RedFlagScreen.Order;

        return
            from locale in Gen.Int[0, Locales.Length - 1]
            from rate in Gen.Int[0, Math.Min(mostPositive, PositiveFrom.Length - 1)]
            from screen in Gen.Int[0, 99].Array[order.Count]
            from location in Gen.Int[0, locations.Length - 1]
            from spread in Gen.Int[0, spreads.Length - 1]
            from score in Gen.Int[0, 10]
            from duration in Gen.Int[0, durations.Length - 1]
            from stiffness in Gen.Int[0, 99]
            from onset in Gen.Int[0, 99]
            from numbness in Gen.Int[0, 99]
            from felt in Gen.Int[0, places.Length - 1].Array[1, 3]
            from worsening in Gen.Int[0, 99]
            from tried in Gen.Int[0, treatments.Length - 1].Array[0, 3]
            from help in Gen.Int[0, helped.Length - 1]
            from wording in Gen.Int[0, 9999]
            select new AnswerSet(
                Locales[locale],
                [.. order.Select((q, i) => q.Reading switch
                {
                    ScreenReading.AgeBand => Ids(q.Prompt)[screen[i] % Ids(q.Prompt).Length],
                    ScreenReading.Places => locations[location],
                    _ => Answer(Ids(q.Prompt), screen[i], PositiveFrom[rate]),
                })],
                locations[location],
                spreads[spread],
                score,
                durations[duration],
                Answer(Ids(Prompt.Screen.Inflammatory), stiffness, 50),
                Answer(Ids(Prompt.Numbness.Any), numbness, 50),
                [.. felt.Distinct().Select(i => places[i])],
                Answer(Ids(Prompt.Numbness.Worsening), worsening, 50),
                [.. tried.Distinct().Select(i => treatments[i])],
                helped[help],
                wording,
                Answer(Ids(Prompt.Screen.OnsetBefore45), onset, 50));
    }

    /// <summary>"No" below <paramref name="positiveFrom"/>, else one of the other answers (yes, not sure, ...).</summary>
    private static string Answer(string[] ids, int draw, int positiveFrom)
    {
        var others = ids.Where(id => id != Choices.No).ToArray();
        return draw < positiveFrom ? Choices.No : others[draw % others.Length];
    }
}
