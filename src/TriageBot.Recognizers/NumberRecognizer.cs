using TriageBot.Recognizers.Numbers;
using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers;

/// <summary>
/// English numbers in free text: digits ("1,234.5", "10k", "1.3e6"), words ("one hundred and five",
/// "a dozen"), fractions ("3/4", "three quarters", "six and a half") and ratios ("7 out of 10").
/// </summary>
public static class NumberRecognizer
{
    /// <summary>Every number in the text, in order of position.</summary>
    public static Recognized<NumberValue> RecognizeAll(string? text, string culture = Cultures.EnglishUS)
    {
        if (string.IsNullOrWhiteSpace(text) || !Cultures.IsSupported(culture))
        {
            return Recognized<NumberValue>.Empty;
        }

        var atoms = Atomizer.Split(text);
        var results = new List<Recognition<NumberValue>>();
        foreach (var p in NumberParser.ParseAll(atoms))
        {
            results.Add(ToRecognition(text, atoms, p));
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

    internal static Recognition<NumberValue> ToRecognition(string text, IReadOnlyList<Atom> atoms, NumberParse p)
    {
        var start = atoms[p.First].Start;
        var end = atoms[p.Last].End;
        var confidence = start == 0 && end == text.TrimEnd().Length ? 1.0 : 0.9;
        return Recognition<NumberValue>.Of(text, start, end, p.ToValue(), confidence);
    }
}
