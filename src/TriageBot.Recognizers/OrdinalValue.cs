using System.Globalization;

namespace TriageBot.Recognizers;

/// <summary>A position in a list: <c>(3, Start)</c> is "third", <c>(-1, End)</c> is "second to last".</summary>
public sealed record OrdinalValue(long Offset, OrdinalRelativeTo RelativeTo)
{
    /// <summary>True for "last", "next" and the like; false for "third", "21st".</summary>
    public bool IsRelative => RelativeTo != OrdinalRelativeTo.Start;

    /// <summary>Recognizers-Text's value string: "3", "end-1", "current+1".</summary>
    public string Resolution => IsRelative
        ? $"{RelativeTo.ToString().ToLowerInvariant()}{(Offset < 0 ? "-" : "+")}{Math.Abs(Offset).ToString(CultureInfo.InvariantCulture)}"
        : Offset.ToString(CultureInfo.InvariantCulture);

    /// <summary>The 0-based index this ordinal picks in a list of <paramref name="count"/> items, or null if outside it or relative to "current".</summary>
    public int? IndexIn(int count)
    {
        long index = RelativeTo switch
        {
            OrdinalRelativeTo.Start => Offset - 1,
            OrdinalRelativeTo.End => count - 1 + Offset,
            _ => -1,
        };
        return index >= 0 && index < count ? (int)index : null;
    }
}
