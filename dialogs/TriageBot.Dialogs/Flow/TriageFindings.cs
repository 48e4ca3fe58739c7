using TriageBot.Content;
using TriageBot.Content.Model;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Turns;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// Every finding of this triage, in one place: screen answers, pain and numbness answers, red flags typed in free
/// text or confirmed by a check question, and which hazard advice has already been said (each is said once). Kept
/// beside the dialog stack, so the screen, the interruptions and the disposition all see the same facts.
/// </summary>
internal sealed class TriageFindings
{
    private const string Key = "triage.findings";

    private readonly StateScope? _scope;
    private FindingsRecord _record;

    private TriageFindings(StateScope? scope)
    {
        _scope = scope;
        _record = scope?.Get(Key, TriageJsonContext.Default.FindingsRecord) ?? new FindingsRecord();
    }

    public static TriageFindings Of(TurnContext turn) => new(turn.State?.Dialog);

    public IReadOnlySet<string> All => _record.Findings.ToHashSet(StringComparer.Ordinal);

    public bool Has(string finding) => _record.Findings.Contains(finding, StringComparer.Ordinal);

    /// <summary>A mentioned red flag the person said is not happening now: not asked about again in this triage.</summary>
    public bool WasRuledOut(string ruleId) => _record.RuledOut.Contains(ruleId, StringComparer.Ordinal);

    public void RuleOut(string ruleId) => Save(_record with { RuledOut = [.. _record.RuledOut.Union([ruleId], StringComparer.Ordinal)] });

    public void Add(params IEnumerable<string> findings) =>
        Save(_record with { Findings = [.. _record.Findings.Union(findings, StringComparer.Ordinal)] });

    public DispositionResult Evaluate(IContentCatalog content) => content.Evaluate(All);

    /// <summary>
    /// The advice of matching rules at <paramref name="atMost"/> urgency or above that has not been said yet, most
    /// urgent first; from now on it counts as said.
    /// </summary>
    public IReadOnlyList<string> TakeNewAdvice(DispositionResult result, DispositionLevel atMost = DispositionLevel.Urgent)
    {
        var fresh = result.Matched
            .Where(rule => rule.Level <= atMost && rule.Advice is not null && !_record.AdviceGiven.Contains(rule.Advice))
            .Select(rule => rule.Advice!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Save(_record with { AdviceGiven = [.. _record.AdviceGiven, .. fresh] });
        return fresh;
    }

    /// <summary>Start over, stop, delete my data, or the end of a triage: nothing carries into the next one.</summary>
    public void Clear()
    {
        _record = new FindingsRecord();
        _scope?.Remove(Key);
    }

    private void Save(FindingsRecord record)
    {
        _record = record;
        _scope?.Set(Key, record, TriageJsonContext.Default.FindingsRecord);
    }
}

/// <summary>What <see cref="TriageFindings"/> keeps: the findings, the advice keys already said, the mentions ruled out.</summary>
public sealed record FindingsRecord
{
    public IReadOnlyList<string> Findings { get; init; } = [];

    public IReadOnlyList<string> AdviceGiven { get; init; } = [];

    public IReadOnlyList<string> RuledOut { get; init; } = [];
}
