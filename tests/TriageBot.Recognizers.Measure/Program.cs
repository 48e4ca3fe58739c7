using System.Diagnostics;
using System.Globalization;
using TriageBot.Recognizers;
using TriageBot.Recognizers.Measure;
using TriageBot.Recognizers.Tests.Conformance;

// Usage: dotnet run -c Release --project tests/TriageBot.Recognizers.Measure [first-call-ours|first-call-official]
// Without an argument: per model, accuracy on the spec files in scope and microseconds per call warm, ours vs the
// official package. With an argument: the first call's cost in this fresh process (run each once, separately).
var reference = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Unspecified);
if (args is ["first-call-ours"])
{
    Console.WriteLine(FirstCall("ours number", () => NumberRecognizer.Recognize("seven out of ten")));
    Console.WriteLine(FirstCall("ours duration", () => DurationRecognizer.Recognize("for about 3 months", reference)));
    return 0;
}

if (args is ["first-call-official"])
{
    Console.WriteLine(FirstCall("official number", () => OfficialAdapters.Numbers.Parse("seven out of ten")));
    Console.WriteLine(FirstCall("official datetime", () => OfficialAdapters.DateTimes.Parse("for about 3 months", reference)));
    return 0;
}

var specs = Path.Combine(AppContext.BaseDirectory, "Specs", "recognizers-text");
(string Model, string File, Func<SpecCase, IReadOnlyList<SpecRow>> Expected, Func<SpecCase, IReadOnlyList<SpecRow>> Ours, Func<SpecCase, IReadOnlyList<SpecRow>> Official, Func<SpecCase, bool>? InScope)[] rows =
[
    ("Number", "Number/English/NumberModel.json", NumberAdapters.ExpectedModel, NumberAdapters.ActualNumbers, OfficialAdapters.ActualNumbers, null),
    ("Ordinal", "Number/English/OrdinalModel.json", NumberAdapters.ExpectedModel, NumberAdapters.ActualOrdinals, OfficialAdapters.ActualOrdinals, null),
    ("Duration extractor", "DateTime/English/DurationExtractor.json", DurationAdapters.ExpectedExtractor, DurationAdapters.ActualExtractor, OfficialAdapters.ActualDurationExtractor, null),
    ("Duration parser", "DateTime/English/DurationParser.json", DurationAdapters.ExpectedParser, DurationAdapters.ActualParser, OfficialAdapters.ActualDurationParser, null),
    ("Duration (DateTimeModel subset)", "DateTime/English/DateTimeModel.json", DurationAdapters.ExpectedModel, DurationAdapters.ActualModel, OfficialAdapters.ActualDurationModel, DurationAdapters.HasDuration),
];

Console.WriteLine("| model | cases | TriageBot.Recognizers | official package | TriageBot.Recognizers µs/call | official µs/call |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var row in rows)
{
    var cases = SpecCase.Load(Path.Combine(specs, row.File)).Where(c => !c.NotSupportedOnDotnet && (row.InScope?.Invoke(c) ?? true)).ToList();
    var ours = Rate(cases, row.Expected, row.Ours);
    var official = Rate(cases, row.Expected, row.Official);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {row.Model} | {cases.Count} | {ours:P1} | {official:P1} | {Micros(cases, row.Ours):F1} | {Micros(cases, row.Official):F1} |"));
}

return 0;

static double Rate(List<SpecCase> cases, Func<SpecCase, IReadOnlyList<SpecRow>> expected, Func<SpecCase, IReadOnlyList<SpecRow>> actual) =>
    cases.Count == 0 ? 1 : (double)cases.Count(c => SpecRow.SameSet(expected(c), actual(c))) / cases.Count;

// Warm: one pass to JIT and fill caches, then the mean over several passes of every input in the file.
static double Micros(List<SpecCase> cases, Func<SpecCase, IReadOnlyList<SpecRow>> actual)
{
    cases.ForEach(c => actual(c));
    const int passes = 5;
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < passes; i++)
    {
        cases.ForEach(c => actual(c));
    }

    return clock.Elapsed.TotalMicroseconds / (passes * cases.Count);
}

static string FirstCall(string name, Action call)
{
    var clock = Stopwatch.StartNew();
    call();
    var first = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    call();
    return string.Create(CultureInfo.InvariantCulture, $"{name}: first call {first:F1} ms, second call {clock.Elapsed.TotalMicroseconds:F0} µs");
}
