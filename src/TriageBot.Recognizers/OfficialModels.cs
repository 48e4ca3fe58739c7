using System.Globalization;
using Microsoft.Recognizers.Text;
using OfficialNumberRecognizer = Microsoft.Recognizers.Text.Number.NumberRecognizer;

namespace TriageBot.Recognizers;

/// <summary>
/// The official Microsoft.Recognizers.Text English models this library adopts (README.md: they read the English of the
/// spec files that ours only fitted). Built once; the first use costs about a second, so the host warms them at start
/// (<see cref="Warm"/>). Their resolution dictionaries stay in here: callers get our own typed values.
/// </summary>
internal static class OfficialModels
{
    /// <summary>Longer messages are read only this far: a reply to a question is short, and the models' cost grows with length.</summary>
    public const int MaxLength = 1000;

    private static readonly Lazy<(IModel Number, IModel Ordinal)> Models = new(() =>
    {
        var english = new OfficialNumberRecognizer(Culture.English);
        return (english.GetNumberModel(), english.GetOrdinalModel());
    });

    private static readonly Lazy<Microsoft.Recognizers.Text.DateTime.DateTimeModel> DateTimeModel = new(() =>
        new Microsoft.Recognizers.Text.DateTime.DateTimeRecognizer(Culture.English).GetDateTimeModel());

    public static IModel Number => Models.Value.Number;

    public static Microsoft.Recognizers.Text.DateTime.DateTimeModel DateTime => DateTimeModel.Value;

    public static IModel Ordinal => Models.Value.Ordinal;

    /// <summary>Builds the models and runs each once, so the first patient does not wait for it.</summary>
    public static void Warm()
    {
        Number.Parse("seven out of ten");
        Ordinal.Parse("the second one");
        DateTime.Parse("since last christmas", new System.DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Unspecified));
    }

    /// <summary>The model's results for <paramref name="text"/>, read up to <see cref="MaxLength"/>.</summary>
    public static List<ModelResult> Parse(IModel model, string text) =>
        model.Parse(text.Length > MaxLength ? text[..MaxLength] : text);

    /// <summary>The date and time model's results for <paramref name="text"/>, read up to <see cref="MaxLength"/>.</summary>
    public static List<ModelResult> Parse(Microsoft.Recognizers.Text.DateTime.DateTimeModel model, string text, System.DateTime reference) =>
        model.Parse(text.Length > MaxLength ? text[..MaxLength] : text, reference);

    public static string? Resolution(ModelResult result, string key) =>
        result.Resolution is { } r && r.TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    /// <summary>Our span for a result: the model's End is inclusive.</summary>
    public static Recognition<T> ToRecognition<T>(string text, ModelResult result, T value)
    {
        var start = result.Start;
        var end = result.End + 1;
        var confidence = start == 0 && end == text.TrimEnd().Length ? 1.0 : 0.9;
        return Recognition<T>.Of(text, start, end, value, confidence);
    }
}
