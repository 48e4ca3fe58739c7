using System.Text;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// Compares every field of every payload with what was said, in the payload's vocabulary, and fails with the whole
/// table (said, recorded, where) and the conversation when any field differs. Nothing is skipped: a payload yields
/// each field it carries, and a field not said must be recorded as nothing.
/// </summary>
internal static class RecordedAssert
{
    public static string SameAsSaid(IReadOnlyDictionary<RecordedField, Said> said, IEnumerable<IRecordedPayload> payloads, string transcript)
    {
        var rows = payloads
            .SelectMany(p => p.Values.Select(v => Compare(p.Name, v, said.GetValueOrDefault(v.Field) ?? Said.Nothing)))
            .ToList();
        var table = Table(rows);
        Assert.True(rows.Count > 0, "No payload recorded any field.");
        if (rows.Any(r => !r.Same))
        {
            Assert.Fail($"What was recorded is not what was said:\n{table}\n\nThe conversation:\n{transcript}");
        }

        return table;
    }

    private static Row Compare(string payload, RecordedValue value, Said said)
    {
        var expected = said.In(value.In);
        var recorded = value.Values;
        var same = value.Field.Ordered
            ? expected.SequenceEqual(recorded, StringComparer.Ordinal)
            : expected.Order(StringComparer.Ordinal).SequenceEqual(recorded.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        var where = value.Where is null ? payload : $"{payload} ({value.Where})";
        return new Row(where, value.Field.Label, Show(expected), Show(recorded), same);
    }

    private static string Show(IReadOnlyList<string> values) => values.Count == 0 ? "(nothing)" : string.Join(" | ", values.Select(v => $"\"{v}\""));

    private static string Table(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(row.Same ? "   " : "✗  ").Append(row.Payload).Append(" / ").Append(row.Field)
                .Append(": said ").Append(row.Said).Append(", recorded ").Append(row.Recorded).Append('\n');
        }

        return text.ToString();
    }

    private sealed record Row(string Payload, string Field, string Said, string Recorded, bool Same);
}
