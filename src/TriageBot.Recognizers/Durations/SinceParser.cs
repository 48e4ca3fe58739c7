using System.Collections.Frozen;
using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers.Durations;

/// <summary>
/// "since X": the whole days from the start of X to the reference date. Best effort, northern-hemisphere
/// meteorological seasons (summer starts 1 June). Recognizers-Text reports these as date ranges with
/// Mod "since"; a triage question ("how long have you had it?") wants the length.
/// </summary>
internal static class SinceParser
{
    private static readonly FrozenDictionary<string, int> Seasons = new Dictionary<string, int>
    {
        ["spring"] = 3,
        ["summer"] = 6,
        ["autumn"] = 9,
        ["fall"] = 9,
        ["winter"] = 12,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1,
        ["february"] = 2,
        ["march"] = 3,
        ["april"] = 4,
        ["may"] = 5,
        ["june"] = 6,
        ["july"] = 7,
        ["august"] = 8,
        ["september"] = 9,
        ["october"] = 10,
        ["november"] = 11,
        ["december"] = 12,
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary();

    public static DurationParse? Parse(IReadOnlyList<Atom> atoms, int i, DateTime reference)
    {
        if (!atoms[i].IsWord("since") || i + 1 >= atoms.Count)
        {
            return null;
        }

        // "since 3 weeks ago"
        if (DurationParser.Parse(atoms, i + 1) is { Mod: DurationMod.Ago } ago)
        {
            return ago with { First = i, Mod = DurationMod.Since };
        }

        var k = i + 1;
        var last = atoms[k].Text is "last" or "the" or "this" && k + 1 < atoms.Count;
        var word = atoms[last ? k + 1 : k];
        var today = reference.Date;
        DateTime? start = word.Text switch
        {
            "yesterday" => today.AddDays(-1),
            "night" when atoms[k].IsWord("last") => today.AddDays(-1),
            "week" when last => StartOfWeek(today).AddDays(atoms[k].IsWord("last") ? -7 : 0),
            "month" when last => new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(atoms[k].IsWord("last") ? -1 : 0),
            "year" when last => new DateTime(today.Year - (atoms[k].IsWord("last") ? 1 : 0), 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            _ when Seasons.TryGetValue(word.Text, out var m) => SeasonStart(today, m, completed: atoms[k].IsWord("last")),
            _ when Months.TryGetValue(word.Text, out var m) => MostRecent(today, m),
            _ when Weekdays.TryGetValue(word.Text, out var d) => today.AddDays(-(((7 + (int)today.DayOfWeek - (int)d - 1) % 7) + 1)),
            _ when !last && word.Literal is { IsInteger: true, Value: >= 1900 } y && y.Value <= today.Year =>
                new DateTime((int)y.Value, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            _ => null,
        };
        if (start is not { } s || s >= today)
        {
            return null;
        }

        var days = (today - s).Days;
        return new DurationParse(i, last ? k + 1 : k, [(DurationUnit.Day, days)], DurationMod.Since);
    }

    private static DateTime StartOfWeek(DateTime day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateTime MostRecent(DateTime today, int month)
    {
        var year = month <= today.Month ? today.Year : today.Year - 1;
        return new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
    }

    /// <summary>Start of the latest season of that name; with <paramref name="completed"/>, the latest one already over ("last summer").</summary>
    private static DateTime SeasonStart(DateTime today, int month, bool completed)
    {
        var start = MostRecent(today, month);
        return completed && start.AddMonths(3) > today ? start.AddYears(-1) : start;
    }
}
