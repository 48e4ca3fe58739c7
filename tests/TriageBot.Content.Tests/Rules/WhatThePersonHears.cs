using TriageBot.Content.Model;

namespace TriageBot.Content.Tests.Rules;

/// <summary>
/// What a disposition means to the person, as the dialogs turn it into words (dialogs/TriageBot.Dialogs: Outcomes and
/// TriageFindings.TakeNewAdvice): the outcome level; the advice said at once (an emergency: every matching emergency
/// rule's advice, the emergency script; otherwise every matching urgent or emergency rule's advice, said when the
/// rule first matches); the advice said with the outcome (matching routine rules' notes, not in an emergency); and
/// the hazards named in the outcome event and the summary. Two tables that tell the person the same are, to them,
/// the same table.
/// </summary>
internal sealed record WhatThePersonHears(DispositionLevel Level, IReadOnlyList<string> AtOnce, IReadOnlyList<string> WithOutcome, IReadOnlyList<string> Hazards)
{
    public static WhatThePersonHears From(DispositionResult result)
    {
        var emergency = result.Level == DispositionLevel.Emergency;
        var atOnce = Advice(result, r => emergency ? r.Level == DispositionLevel.Emergency : r.Level <= DispositionLevel.Urgent);
        var withOutcome = emergency ? [] : Advice(result, r => r.Level == DispositionLevel.Routine).Except(atOnce, StringComparer.Ordinal).ToList();
        return new(result.Level, atOnce, withOutcome, [.. result.Hazards.Order(StringComparer.Ordinal)]);
    }

    public static WhatThePersonHears Of(IContentCatalog table, IEnumerable<string> findings) =>
        From(table.Evaluate(findings.ToHashSet(StringComparer.Ordinal)));

    // Records compare lists by reference: compare what is said instead.
    public bool Same(WhatThePersonHears other) => ToString() == other.ToString();

    public override string ToString() =>
        $"{DispositionLevels.Name(Level)}; at once: [{Join(AtOnce)}]; with the outcome: [{Join(WithOutcome)}]; hazards: [{Join(Hazards)}]";

    private static List<string> Advice(DispositionResult result, Func<DispositionRule, bool> which) =>
        [.. result.Matched.Where(which).Select(r => r.Advice).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);
}
