using System.Globalization;

namespace TriageBot.Recognizers.Numbers;

internal static class NumberFormat
{
    /// <summary>.NET's classic double formatting: 15 significant digits ("103.666666666667", "1E-12").</summary>
    public static string Format(double value) => value.ToString("G15", CultureInfo.InvariantCulture);

    public static bool IsIntegral(double value) => double.IsFinite(value) && Math.Abs(value - Math.Round(value)) < 1e-9;
}
