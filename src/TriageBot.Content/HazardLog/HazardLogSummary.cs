namespace TriageBot.Content.HazardLog;

/// <summary>
/// The hazard log in numbers, for the safety case and release notes: how many hazards, controls and tests, and how
/// many hazards are still open or have no test yet.
/// </summary>
/// <param name="Hazards">Hazards in the log.</param>
/// <param name="UsedByContent">Hazards a red-flag or disposition rule names.</param>
/// <param name="Controls">Controls, over all hazards.</param>
/// <param name="TestReferences">Test names, over all hazards (a test named by two hazards counts twice).</param>
/// <param name="DistinctTests">Different tests the log names.</param>
/// <param name="Open">Hazards whose status is open.</param>
/// <param name="WithoutTests">Hazards that name no test yet (allowed only while no content uses them).</param>
public sealed record HazardLogSummary(
    int Hazards,
    int UsedByContent,
    int Controls,
    int TestReferences,
    int DistinctTests,
    int Open,
    int WithoutTests)
{
    public override string ToString() =>
        $"Hazard log: {Hazards} hazards ({UsedByContent} used by content, {Open} open, {WithoutTests} without tests), " +
        $"{Controls} controls, {TestReferences} test references ({DistinctTests} distinct tests).";
}
