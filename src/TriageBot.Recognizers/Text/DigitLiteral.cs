namespace TriageBot.Recognizers.Text;

/// <summary>A number written with digits: "1,234.5", "40 000", ".08", "1.3e6", "2.5^-1".</summary>
internal sealed record DigitLiteral(double Value, bool IsDecimal, bool IsPower, bool IsGrouped)
{
    public bool IsInteger => !IsDecimal && !IsPower;
}
