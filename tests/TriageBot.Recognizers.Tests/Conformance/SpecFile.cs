namespace TriageBot.Recognizers.Tests.Conformance;

/// <summary>A spec file, how to run our recognizer on one case, and the pass rate it must keep.</summary>
internal sealed record SpecFile(
    string RelativePath,
    double Floor,
    Func<SpecCase, IReadOnlyList<SpecRow>> Expected,
    Func<SpecCase, IReadOnlyList<SpecRow>> Actual,
    Func<SpecCase, bool>? InScope = null);
