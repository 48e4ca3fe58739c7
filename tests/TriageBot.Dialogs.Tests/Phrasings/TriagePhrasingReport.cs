using System.Globalization;
using System.Text;
using TriageBot.Dialogs.Flow;

namespace TriageBot.Dialogs.Tests.Phrasings;

/// <summary>
/// Per-model figures for a phrasing file, scored as README.md here says: an exact value, any value in a range (or
/// asking again), the right duration band, the right age band, "none" only when the prompt asks again. A yes or not
/// sure read as "no" is also counted apart: that is the unsafe way to be wrong.
/// </summary>
internal sealed record TriagePhrasingReport(string Name, IReadOnlyList<ModelFigures> Models, string Text)
{
    public static readonly string[] ModelNames = ["score", "duration", "age", "yesno"];

    public double Overall => (double)Models.Sum(m => m.Right) / Math.Max(1, Models.Sum(m => m.Count));

    public ModelFigures this[string model] => Models.Single(m => m.Model == model);

    /// <summary>Reads every phrasing through its prompt. With <paramref name="listTexts"/> (a tuning set) each miss is listed with its text.</summary>
    public static async Task<TriagePhrasingReport> MeasureAsync(string name, IReadOnlyList<TriagePhrasing> set, bool listTexts)
    {
        var read = new List<(TriagePhrasing Phrasing, string? Value, bool Right)>();
        foreach (var p in set)
        {
            var value = await PromptReader.ReadAsync(p.Model, p.Text);
            read.Add((p, value, IsRight(p, value)));
        }

        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder().AppendLine(c, $"{name}: {set.Count} phrasings");
        text.AppendLine(c, $"{"model",-9} {"n",4} {"right",6} {"rate",7} {"asked again",12} {"unsafe",7}");
        var models = new List<ModelFigures>();
        foreach (var model in ModelNames)
        {
            var rows = read.Where(r => r.Phrasing.Model == model).ToList();
            var figures = new ModelFigures(model, rows.Count, rows.Count(r => r.Right), rows.Count(r => r.Value is null),
                rows.Count(r => model == "yesno" && r.Phrasing.Expect is "yes" or "unsure" && r.Value == "no"));
            models.Add(figures);
            text.AppendLine(c, $"{model,-9} {figures.Count,4} {figures.Right,6} {figures.Rate,7:P1} {figures.AskedAgain,12} {figures.Unsafe,7}");
        }

        text.AppendLine(c, $"overall: {(double)models.Sum(m => m.Right) / Math.Max(1, set.Count):P1} ({models.Sum(m => m.Right)}/{set.Count})");
        foreach (var miss in read.Where(r => !r.Right))
        {
            text.AppendLine(listTexts
                ? $"  MISS {miss.Phrasing.Model} expected {miss.Phrasing.Expect}, read {miss.Value ?? "(asked again)"}: \"{miss.Phrasing.Text}\""
                : $"  miss {miss.Phrasing.Model} expected {Kind(miss.Phrasing.Expect)}, read {(miss.Value is null ? "(asked again)" : "a value")}");
        }

        return new TriagePhrasingReport(name, models, text.ToString());
    }

    /// <summary>Whether the prompt's reading (null: it asked again) is right for <paramref name="p"/>.</summary>
    public static bool IsRight(TriagePhrasing p, string? value)
    {
        var expect = p.Expect.Trim();
        if (expect == "none")
        {
            return value is null;
        }

        return p.Model switch
        {
            "score" => Range(expect) is { } r ? value is null || (Number(value) is { } v && v >= r.Low && v <= r.High) : Number(value) == Number(expect),
            "age" => Range(expect) is { } r
                ? value is null || Enumerable.Range((int)r.Low, (int)(r.High - r.Low) + 1).Any(a => AgeBandPrompt.BandOf(a) == value)
                : AgeBandPrompt.BandOf(Number(expect) ?? double.NaN) is { } band ? value == band : value is null,
            "duration" => value == expect.Split(' ').Select(s => s.Split(':')).Single(s => s[0] == "band")[1],
            "yesno" => value == expect,
            _ => throw new InvalidDataException($"Unknown phrasing model '{p.Model}'."),
        };
    }

    private static (double Low, double High)? Range(string expect)
    {
        if (!expect.StartsWith("range:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = expect["range:".Length..].Split('-');
        return (Number(parts[0])!.Value, Number(parts[1])!.Value);
    }

    private static double? Number(string? s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The kind of answer expected, without its value (a blind set's report names no texts or values).</summary>
    private static string Kind(string expect) =>
        expect.StartsWith("range:", StringComparison.Ordinal) ? "a range" : expect.StartsWith("days:", StringComparison.Ordinal) ? "a duration" : expect == "none" ? "none" : "a value";
}

/// <summary>One model's figures: items, read right, asked again, and (yes / no) a yes or not sure read as no.</summary>
internal sealed record ModelFigures(string Model, int Count, int Right, int AskedAgain, int Unsafe)
{
    public double Rate => Count == 0 ? 1 : (double)Right / Count;
}
