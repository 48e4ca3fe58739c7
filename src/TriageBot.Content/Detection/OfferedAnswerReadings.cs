using System.Collections.Concurrent;
using System.Collections.Frozen;
using TriageBot.Content.Model;

namespace TriageBot.Content.Detection;

/// <summary>
/// Remembers the red-flag reading of the words the content itself offers as answers (every choice's id, title in
/// each variant, and synonyms; every education topic's id and title): a button press sends the same few texts turn
/// after turn. The detector is a pure function of the text (its tables are built once and never change), so the
/// remembered reading is the reading. Only a text exactly equal (ordinal) to an offered one is remembered; every
/// other text is read afresh, each time. The memory is bounded by the content: at most one reading per offered text.
/// </summary>
internal sealed class OfferedAnswerReadings(IEnumerable<string> offered, Func<string, FreeTextReading> read)
{
    private readonly FrozenSet<string> _offered = offered.Where(text => !string.IsNullOrEmpty(text)).ToFrozenSet(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FreeTextReading> _readings = new(StringComparer.Ordinal);

    /// <summary>How many texts are offered (and so may be remembered).</summary>
    public int Count => _offered.Count;

    public FreeTextReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_offered.Contains(text))
        {
            return read(text);
        }

        if (_readings.TryGetValue(text, out var known))
        {
            return known;
        }

        // Read outside the dictionary's lock; two threads reading the same text at once get equal readings.
        var reading = read(text);
        return _readings.GetOrAdd(text, reading);
    }
}
