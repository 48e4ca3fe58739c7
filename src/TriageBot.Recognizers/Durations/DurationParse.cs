using System.Globalization;
using TriageBot.Recognizers.Numbers;

namespace TriageBot.Recognizers.Durations;

/// <summary>A duration over atoms <see cref="First"/>..<see cref="Last"/>: one or more (unit, quantity) parts.</summary>
internal sealed record DurationParse(int First, int Last, IReadOnlyList<(DurationUnit Unit, double Quantity)> Parts, DurationMod Mod)
{
    public double Seconds => Parts.Sum(p => p.Quantity * p.Unit.Seconds);

    /// <summary>TIMEX3: date units after "P", time units after "T", largest first ("P1M2D", "PT1H30M").</summary>
    public string Timex
    {
        get
        {
            var ordered = Parts.GroupBy(p => p.Unit).Select(g => (Unit: g.Key, Quantity: g.Sum(p => p.Quantity))).OrderBy(p => p.Unit.Order).ToList();
            var date = string.Concat(ordered.Where(p => !p.Unit.IsTime).Select(p => NumberFormat.Format(p.Quantity) + p.Unit.Letter));
            var time = string.Concat(ordered.Where(p => p.Unit.IsTime).Select(p => NumberFormat.Format(p.Quantity) + p.Unit.Letter));
            return string.Create(CultureInfo.InvariantCulture, $"P{date}{(time.Length > 0 ? "T" + time : string.Empty)}");
        }
    }

    public DurationValue? ToValue()
    {
        var seconds = Seconds;
        return seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds / 2
            ? new DurationValue(TimeSpan.FromSeconds(seconds), Timex, Mod)
            : null;
    }
}
