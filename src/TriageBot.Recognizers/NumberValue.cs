namespace TriageBot.Recognizers;

/// <summary>
/// A recognized number. For fractions written as a ratio ("7/10", "seven out of ten") the parts are
/// kept, so a pain-score prompt can read "7/10" as 7 rather than 0.7.
/// </summary>
public sealed record NumberValue(double Value, NumberSubtype Subtype, double? Numerator = null, double? Denominator = null)
{
    /// <summary>The value in Recognizers-Text's string form (15 significant digits, invariant culture).</summary>
    public string Resolution => Numbers.NumberFormat.Format(Value);
}
