using System.Globalization;
using System.Text.RegularExpressions;
using TriageBot.Recognizers.Numbers;

namespace TriageBot.Recognizers;

/// <summary>
/// English numbers in free text: digits ("1,234.5", "10k", "2mil"), words ("one hundred and five", "4 thousand 3
/// hundred and 21", "a dozen"), fractions ("3/4", "three quarters", "six and a half") and ratios ("7 out of 10"), read
/// by the official Microsoft.Recognizers.Text number model. For a ratio the parts are kept as well, so that a score
/// can be read as "7 out of 10", not as 0.7. A reply that is only a number in plain digits ("7", "12", "6.5"), the
/// commonest answer to a score or an age, is read without the model: it reads those the same (a test holds it to
/// that), and it is the largest recognizer cost of a dialog turn (README.md).
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

        if (PlainDigits().Match(text) is { Success: true } plain)
        {
            return new Recognized<NumberValue>([Plain(text, plain.Groups[1])]);
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
    /// Every number in the text as a person typed it on a phone: when the text as written holds none, it is read again
    /// with slips put right ("fourr", "sevun", "fifty for", "28yrs"). Spans then refer to the respelled text.
    /// </summary>
    public static Recognized<NumberValue> RecognizeTyped(string? text, string culture = Cultures.EnglishUS)
    {
        var found = RecognizeAll(text, culture);
        return found.Count == 0 && text is not null && NumberRespelling.Respell(text) is { } respelled
            ? RecognizeAll(respelled, culture)
            : found;
    }

    /// <summary>
    /// A score on a 0..<paramref name="maximum"/> scale, as a patient gives it: "7", "about a 7", "7/10", "seven out of
    /// ten", "6.5", "sevun", "none" (0). A ratio counts only when its denominator is the scale's maximum. Two scores side
    /// by side ("6 or 7", "7 to 8", "2-3", "like 7 8", and "5/6" of two neighbours) are a range, read as its higher end: a triage score
    /// that overstates is safer than one that understates.
    /// </summary>
    public static Recognition<double> RecognizeScore(string? text, int maximum = 10, string culture = Cultures.EnglishUS)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Recognition<double>.None;
        }

        var found = RecognizeTyped(text, culture);
        var scores = found.Select(r => (r, Score: ScoreOf(r.Value, maximum))).Where(s => s.Score >= 0 && s.Score <= maximum).ToList();
        if (scores.Count == 0)
        {
            // "none", "no pain": a score of nothing. "5/6" is two scores side by side, not a ratio on a 6 scale ("3/5" is
            // a ratio on another scale: asked again).
            return found.Count == 0 && NoScore().IsMatch(text) ? new Recognition<double>(true, 0, 0, text.Length, text, 0.9)
                : found is [{ Value: { Numerator: { } n, Denominator: { } d } } ratio] && d == n + 1 && d <= maximum
                    ? new Recognition<double>(true, d, ratio.Start, ratio.Length, ratio.Text, ratio.Confidence)
                    : Recognition<double>.None;
        }

        var (first, score) = scores[0];
        if (scores.Count > 1 && Between(text, first, scores[1].r) is { } gap && RangeJoin().IsMatch(gap))
        {
            var (second, other) = scores[1];
            return new Recognition<double>(true, Math.Max(score, other), first.Start, second.End - first.Start, text[first.Start..Math.Min(second.End, text.Length)], first.Confidence);
        }

        return new Recognition<double>(true, score, first.Start, first.Length, first.Text, first.Confidence);
    }

    /// <summary>The whole reply is one number in plain digits: what the official model makes of it, without running it.</summary>
    private static Recognition<NumberValue> Plain(string text, Group digits)
    {
        var value = double.Parse(digits.ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var subtype = double.IsInteger(value) ? NumberSubtype.Integer : NumberSubtype.Decimal; // "10.0" is an integer to the model too
        return Recognition<NumberValue>.Of(text, digits.Index, digits.Index + digits.Length, new NumberValue(value, subtype), digits.Index == 0 ? 1.0 : 0.9);
    }

    /// <summary>Up to six digits, no leading zero, and an optional decimal part: "0", "7", "12", "6.5", "120000".</summary>
    [GeneratedRegex(@"^\s*((?:0|[1-9][0-9]{0,5})(?:\.[0-9]{1,2})?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainDigits();

    private static double ScoreOf(NumberValue v, int maximum) =>
        v.Denominator is { } d && v.Numerator is { } n ? (d == maximum ? n : double.NaN) : v.Value;

    /// <summary>What lies between two matches (empty when they touch), or null when their spans are not in order.</summary>
    private static string? Between(string text, Recognition<NumberValue> first, Recognition<NumberValue> second) =>
        second.Start >= first.End && second.Start <= text.Length ? text[first.End..second.Start] : null;

    /// <summary>What joins the two ends of a range: "or", "to", a dash or slash, a comma, or nothing but a space.</summary>
    [GeneratedRegex(@"^\s*(?:or|to|-|–|/|,)?\s*(?:maybe\s+|a\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeJoin();

    [GeneratedRegex(@"^\W*(?:none|nil|nothing|zero)\b|\bno\s+pain\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoScore();

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
