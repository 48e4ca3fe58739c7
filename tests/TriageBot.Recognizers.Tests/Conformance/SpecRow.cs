namespace TriageBot.Recognizers.Tests.Conformance;

/// <summary>
/// One result reduced to what the README says to compare: span, type and resolution in
/// <see cref="Key"/>; <see cref="Subtype"/> is compared only when the spec gives one.
/// </summary>
internal sealed record SpecRow(string Key, string? Subtype = null)
{
    public static bool SameSet(IReadOnlyList<SpecRow> expected, IReadOnlyList<SpecRow> actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        var remaining = actual.ToList();
        foreach (var e in expected)
        {
            var match = remaining.FindIndex(a => a.Key == e.Key && (string.IsNullOrEmpty(e.Subtype) || e.Subtype == a.Subtype));
            if (match < 0)
            {
                return false;
            }

            remaining.RemoveAt(match);
        }

        return true;
    }

    public override string ToString() => Subtype is null ? Key : $"{Key} ({Subtype})";
}
