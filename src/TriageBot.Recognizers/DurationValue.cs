namespace TriageBot.Recognizers;

/// <summary>
/// A length of time. <see cref="Timex"/> is the TIMEX3 form ("P3W", "PT1.5H", "P1M2D");
/// conventions: a year is 365 days, a month 30 days, a week 7 days.
/// </summary>
public sealed record DurationValue(TimeSpan Duration, string Timex, DurationMod Mod = DurationMod.None)
{
    /// <summary>The length in seconds as Recognizers-Text writes it ("5400", "3.5").</summary>
    public string Resolution => Numbers.NumberFormat.Format(Duration.TotalSeconds);
}
