
namespace TriageBot.Recognizers;

/// <summary>
/// One recognized value and where it came from. Bad or unrecognized input is <see cref="None"/>, never an exception.
/// </summary>
/// <param name="Start">UTF-16 index of the first character of the match in the input.</param>
/// <param name="Length">Length of the match in UTF-16 code units.</param>
/// <param name="Text">The matched text exactly as it appears in the input.</param>
/// <param name="Confidence">0..1; 1 means the match is the whole utterance or an exact match.</param>
public sealed record Recognition<T>(bool Succeeded, T Value, int Start, int Length, string Text, double Confidence)
{
    /// <summary>The "nothing recognized" result.</summary>
    public static Recognition<T> None { get; } = new(false, default!, 0, 0, string.Empty, 0);

    /// <summary>Index one past the last character of the match.</summary>
    public int End => Start + Length;

    internal static Recognition<T> Of(string input, int start, int end, T value, double confidence = 1.0) =>
        new(true, value, start, end - start, input[start..end], confidence);
}
