using System.Globalization;
using System.Text.RegularExpressions;

namespace TriageBot.Recognizers;

/// <summary>
/// English numbers in free text: digits ("1,234.5", "10k", "2mil"), words ("one hundred and five", "4 thousand 3
/// hundred and 21", "a dozen"), fractions ("3/4", "three quarters", "six and a half") and ratios ("7 out of 10"), read
/// by the official Microsoft.Recognizers.Text number model. For a ratio the parts are kept as well, so that a score
/// can be read as "7 out of 10", not as 0.7.
/// </summary>
public static partial class NumberRecognizer
{
    /// <summary>Every number in the text, in order of position.</summary>
    public static Recognized<NumberValue> RecognizeAll(string? text, string culture = Cultures.EnglishUS)
    {
        if (string.IsNullOrWhiteSpace(text) || !Cultures.IsSupported(culture))
        {
            return Recognized<NumberValue>.Empty;
        }

        var results = new List<Recognition<NumberValue>>();
        foreach (var r in OfficialModels.Parse(OfficialModels.Number, text))
        {
            if (ToValue(r) is { } value)
            {
                results.Add(OfficialModels.ToRecognition(text, r, value));
            }
        }

        return new Recognized<NumberValue>(results);
    }

    /// <summary>The first number in the text, or <see cref="Recognition{T}.None"/>.</summary>
    public static Recognition<NumberValue> Recognize(string? text, string culture = Cultures.EnglishUS) =>
        RecognizeAll(text, culture).First;

    /// <summary>
    /// A score on a 0..<paramref name="maximum"/> scale, as a patient gives it: "7", "about a 7",
    /// "7/10", "seven out of ten", "6.5". A ratio counts only when its denominator is the scale's maximum.
    /// </summary>
    public static Recognition<double> RecognizeScore(string? text, int maximum = 10, string culture = Cultures.EnglishUS)
    {
        foreach (var r in RecognizeAll(text, culture))
        {
            var v = r.Value;
            var score = v.Denominator is { } d && v.Numerator is { } n
                ? (d == maximum ? n : double.NaN)
                : v.Value;
            if (score >= 0 && score <= maximum)
            {
                return new Recognition<double>(true, score, r.Start, r.Length, r.Text, r.Confidence);
            }
        }

        return Recognition<double>.None;
    }

    private static NumberValue? ToValue(Microsoft.Recognizers.Text.ModelResult r)
    {
        if (!double.TryParse(OfficialModels.Resolution(r, "value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var subtype = OfficialModels.Resolution(r, "subtype") switch
        {
            "decimal" => NumberSubtype.Decimal,
            "fraction" => NumberSubtype.Fraction,
            "power" => NumberSubtype.Power,
            _ => NumberSubtype.Integer,
        };
        return subtype == NumberSubtype.Fraction && Ratio(r.Text) is { } ratio
            ? new NumberValue(value, subtype, ratio.Numerator, ratio.Denominator)
            : new NumberValue(value, subtype);
    }

    /// <summary>"7/10", "seven out of ten", "6 over 10": each side is one whole number of its own.</summary>
    private static (double Numerator, double Denominator)? Ratio(string text)
    {
        var parts = RatioSeparator().Split(text, 2);
        return parts is [var top, var bottom] && Single(top) is { } n && Single(bottom) is { } d ? (n, d) : null;

        static double? Single(string side) =>
            OfficialModels.Parse(OfficialModels.Number, side) is [{ } only]
            && double.TryParse(OfficialModels.Resolution(only, "value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    [GeneratedRegex(@"\s*(?:/|\bout\s+of\b|\bover\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RatioSeparator();
}
