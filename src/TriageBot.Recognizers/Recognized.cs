using System.Collections;

namespace TriageBot.Recognizers;

/// <summary>All matches found in one utterance, in order of position.</summary>
public sealed class Recognized<T> : IReadOnlyList<Recognition<T>>
{
    private readonly IReadOnlyList<Recognition<T>> _matches;

    internal Recognized(IReadOnlyList<Recognition<T>> matches) => _matches = matches;

    /// <summary>The empty result.</summary>
    public static Recognized<T> Empty { get; } = new([]);

    public int Count => _matches.Count;

    public Recognition<T> this[int index] => _matches[index];

    /// <summary>The first match, or <see cref="Recognition{T}.None"/>.</summary>
    public Recognition<T> First => _matches.Count > 0 ? _matches[0] : Recognition<T>.None;

    public IEnumerator<Recognition<T>> GetEnumerator() => _matches.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
