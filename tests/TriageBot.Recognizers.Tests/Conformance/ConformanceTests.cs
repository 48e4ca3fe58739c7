using Xunit.Abstractions;

namespace TriageBot.Recognizers.Tests.Conformance;

/// <summary>
/// Runs Microsoft.Recognizers.Text's English spec cases (dev subset in shared/conformance) against our
/// recognizers and fails if a pass rate drops below the floor we have reached. See CONFORMANCE.md.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private static readonly SpecFile[] SpecFiles =
    [
        new("Choice/English/BooleanModel.json", 1.00, NumberAdapters.ExpectedBoolean, NumberAdapters.ActualBoolean),
        new("Number/English/NumberModel.json", 1.00, NumberAdapters.ExpectedModel, NumberAdapters.ActualNumbers),
        new("Number/English/OrdinalModel.json", 1.00, NumberAdapters.ExpectedModel, NumberAdapters.ActualOrdinals),
        new("Number/English/PercentModel.json", 1.00, NumberAdapters.ExpectedModel, NumberAdapters.ActualPercentages),
        new("DateTime/English/DurationExtractor.json", 1.00, DurationAdapters.ExpectedExtractor, DurationAdapters.ActualExtractor),
        new("DateTime/English/DurationParser.json", 1.00, DurationAdapters.ExpectedParser, DurationAdapters.ActualParser),
        new("DateTime/English/DateTimeModel.json", 0.97, DurationAdapters.ExpectedModel, DurationAdapters.ActualModel, DurationAdapters.HasDuration),
    ];

    public static TheoryData<string> Files => [.. SpecFiles.Select(f => f.RelativePath)];

    [Theory]
    [MemberData(nameof(Files))]
    public void SpecFile_AllCases_PassRateAtLeastFloor(string relativePath)
    {
        if (SpecLocator.SkipRequested)
        {
            return;
        }

        var root = SpecLocator.Find();
        Assert.True(root is not null, $"Recognizers-Text spec folder not found. Set {SpecLocator.EnvironmentVariable} to a folder laid out like "
            + $"shared/conformance/recognizers-text, or {SpecLocator.SkipVariable}=1 to skip. Searched upward from {AppContext.BaseDirectory}.");
        var path = Path.Combine(root!, relativePath);
        Assert.True(File.Exists(path), $"Spec file missing: {path}");

        var file = SpecFiles.Single(f => f.RelativePath == relativePath);
        var report = SpecRunner.Run(file, SpecCase.Load(path));
        foreach (var line in report.Failures)
        {
            output.WriteLine(line);
        }

        var summary = $"[conformance] {relativePath}: {report.Summary} (floor {file.Floor:P0})";
        output.WriteLine(summary);
        Console.Out.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("TRIAGEBOT_CONFORMANCE_VERBOSE") == "1")
        {
            report.Failures.ForEach(Console.Out.WriteLine);
        }

        Assert.True(report.Rate >= file.Floor, $"{summary}\n{string.Join('\n', report.Failures)}");
    }
}
