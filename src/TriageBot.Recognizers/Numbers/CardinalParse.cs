namespace TriageBot.Recognizers.Numbers;

/// <summary>
/// A whole-number phrase ("three hundred and two dozens", "1,674.5 million", "10k").
/// <see cref="Total"/> is everything already scaled by a big multiplier and <see cref="Current"/> the
/// part after it, so "five and a half million" and "one billion and a half million" can be resolved.
/// </summary>
internal sealed record CardinalParse(int First, int Last, double Total, double Current, double LastBig)
{
    public double Value => Total + Current;

    public bool HasLiteral { get; init; }

    public bool HasWords { get; init; }

    public bool LiteralIsDecimal { get; init; }

    public bool IsPower { get; init; }

    /// <summary>A word multiplier or glued abbreviation scaled the digits ("2 million", "1.2b").</summary>
    public bool ScaledByWord { get; init; }

    /// <summary>A spaced abbreviation scaled the digits ("2.33 k").</summary>
    public bool ScaledBySpacedSuffix { get; init; }

    public bool EndsWithSuffix { get; init; }

    public bool IsZero { get; init; }

    public bool UsedDozen { get; init; }

    public int AtomCount => Last - First + 1;
}
