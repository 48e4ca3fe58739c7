namespace TriageBot.Recognizers.Numbers;

/// <summary>A number phrase spanning atoms <see cref="First"/>..<see cref="Last"/> (inclusive).</summary>
internal sealed record NumberParse(int First, int Last, double Value, NumberSubtype Subtype, double? Numerator = null, double? Denominator = null)
{
    /// <summary>True when the phrase is exactly one lone "one" word (a pronoun candidate).</summary>
    public bool IsLoneOne { get; init; }

    public NumberValue ToValue() => new(Value, Subtype, Numerator, Denominator);
}
