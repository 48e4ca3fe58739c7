using System.Collections.Frozen;

namespace TriageBot.Recognizers.Durations;

/// <summary>A TIMEX unit: its letter(s), whether it belongs after the "T", and its length in seconds.</summary>
internal sealed record DurationUnit(string Letter, bool IsTime, double Seconds, int Order)
{
    public static readonly DurationUnit Year = new("Y", false, 365 * 86400, 0);
    public static readonly DurationUnit Month = new("M", false, 30 * 86400, 1);
    public static readonly DurationUnit Week = new("W", false, 7 * 86400, 2);
    public static readonly DurationUnit Weekend = new("WE", false, 2 * 86400, 3);
    public static readonly DurationUnit Day = new("D", false, 86400, 4);
    public static readonly DurationUnit BusinessDay = new("BD", false, 86400, 5);
    public static readonly DurationUnit Hour = new("H", true, 3600, 6);
    public static readonly DurationUnit Minute = new("M", true, 60, 7);
    public static readonly DurationUnit Second = new("S", true, 1, 8);
}

/// <summary>Unit words. Data only. A word maps to a unit and a count of it ("fortnight" is 2 weeks).</summary>
internal static class DurationWords
{
    public static readonly FrozenDictionary<string, (DurationUnit Unit, double Factor)> Units = new Dictionary<string, (DurationUnit, double)>
    {
        ["year"] = (DurationUnit.Year, 1),
        ["years"] = (DurationUnit.Year, 1),
        ["yr"] = (DurationUnit.Year, 1),
        ["yrs"] = (DurationUnit.Year, 1),
        ["decade"] = (DurationUnit.Year, 10),
        ["decades"] = (DurationUnit.Year, 10),
        ["month"] = (DurationUnit.Month, 1),
        ["months"] = (DurationUnit.Month, 1),
        ["mo"] = (DurationUnit.Month, 1),
        ["mos"] = (DurationUnit.Month, 1),
        // As months are texted ("2mths").
        ["mth"] = (DurationUnit.Month, 1),
        ["mths"] = (DurationUnit.Month, 1),
        ["mnth"] = (DurationUnit.Month, 1),
        ["mnths"] = (DurationUnit.Month, 1),
        ["week"] = (DurationUnit.Week, 1),
        ["weeks"] = (DurationUnit.Week, 1),
        ["wk"] = (DurationUnit.Week, 1),
        ["wks"] = (DurationUnit.Week, 1),
        ["fortnight"] = (DurationUnit.Week, 2),
        ["fortnights"] = (DurationUnit.Week, 2),
        ["weekend"] = (DurationUnit.Weekend, 1),
        ["weekends"] = (DurationUnit.Weekend, 1),
        ["day"] = (DurationUnit.Day, 1),
        ["days"] = (DurationUnit.Day, 1),
        ["night"] = (DurationUnit.Day, 1),
        ["nights"] = (DurationUnit.Day, 1),
        ["hour"] = (DurationUnit.Hour, 1),
        ["hours"] = (DurationUnit.Hour, 1),
        ["hr"] = (DurationUnit.Hour, 1),
        ["hrs"] = (DurationUnit.Hour, 1),
        ["h"] = (DurationUnit.Hour, 1),
        ["minute"] = (DurationUnit.Minute, 1),
        ["minutes"] = (DurationUnit.Minute, 1),
        ["min"] = (DurationUnit.Minute, 1),
        ["mins"] = (DurationUnit.Minute, 1),
        ["second"] = (DurationUnit.Second, 1),
        ["seconds"] = (DurationUnit.Second, 1),
        ["sec"] = (DurationUnit.Second, 1),
        ["secs"] = (DurationUnit.Second, 1),
    }.ToFrozenDictionary();

    /// <summary>One-letter units, only when glued to digits ("10D", "2W"); alone they are too ambiguous.</summary>
    public static readonly FrozenDictionary<string, (DurationUnit Unit, double Factor)> GluedLetters = new Dictionary<string, (DurationUnit, double)>
    {
        ["y"] = (DurationUnit.Year, 1),
        ["w"] = (DurationUnit.Week, 1),
        ["d"] = (DurationUnit.Day, 1),
        ["s"] = (DurationUnit.Second, 1),
    }.ToFrozenDictionary();

    /// <summary>Vague quantities, by convention: "a few", "some", "several" are 3, "a couple of" is 2.</summary>
    public static readonly (string[] Words, double Quantity)[] VagueQuantities =
    [
        (["a", "couple", "of"], 2), (["couple", "of"], 2), (["a", "few"], 3), (["few"], 3), (["some"], 3), (["several"], 3),
        (["a", "half"], 0.5), (["half", "an"], 0.5), (["half", "a"], 0.5), (["half"], 0.5),
        (["another"], 1), (["all"], 1), (["full"], 1), (["whole"], 1), (["a"], 1), (["an"], 1),
    ];

    public static readonly (string[] Words, DurationMod Mod)[] Mods =
    [
        (["less", "than"], DurationMod.Less), (["fewer", "than"], DurationMod.Less), (["shorter", "than"], DurationMod.Less),
        (["more", "than"], DurationMod.More), (["longer", "than"], DurationMod.More), (["greater", "than"], DurationMod.More),
    ];
}
