namespace TriageBot.Recognizers.Tests.Conformance;

internal sealed record SpecReport(int Passed, int Failed, int Skipped, List<string> Failures)
{
    public double Rate => Passed + Failed == 0 ? 1 : (double)Passed / (Passed + Failed);

    public string Summary => $"passed {Passed}, failed {Failed}, skipped {Skipped}, rate {Rate:P1}";
}

internal static class SpecRunner
{
    public static SpecReport Run(SpecFile file, IReadOnlyList<SpecCase> cases)
    {
        var report = new SpecReport(0, 0, 0, []);
        var (passed, failed, skipped) = (0, 0, 0);
        foreach (var c in cases)
        {
            if (file.InScope is { } inScope && !inScope(c))
            {
                continue;
            }

            if (c.NotSupportedOnDotnet)
            {
                skipped++;
                continue;
            }

            var expected = file.Expected(c);
            var actual = file.Actual(c);
            if (SpecRow.SameSet(expected, actual))
            {
                passed++;
            }
            else
            {
                failed++;
                report.Failures.Add($"FAIL {c.Input}\n   expected: {string.Join(" ; ", expected)}\n   actual:   {string.Join(" ; ", actual)}");
            }
        }

        return report with { Passed = passed, Failed = failed, Skipped = skipped };
    }
}
