using TriageBot.Content;
using TriageBot.Content.Model;

namespace TriageBot.Dialogs.Safety;

/// <summary>
/// What one message says about red flags: <see cref="Present"/> are stated as happening now to the person (advice
/// at once); <see cref="Mentions"/> name a red flag without saying so (someone else, the past, a question, a
/// hypothetical, or unclear), and are asked about straight away, never sent to 999 on their own.
/// </summary>
public sealed record FreeTextReading(IReadOnlyList<RedFlagHit> Present, IReadOnlyList<RedFlagMention> Mentions)
{
    public static FreeTextReading Nothing { get; } = new([], []);

    public bool IsEmpty => Present.Count == 0 && Mentions.Count == 0;
}

/// <summary>A red flag mentioned but not stated as present, and why (<see cref="MentionReasons"/>).</summary>
public sealed record RedFlagMention(string RuleId, string Reason);

/// <summary>Why a mention is not a present red flag (the ConText-style reasons).</summary>
public static class MentionReasons
{
    public const string SomeoneElse = "experiencer";
    public const string Past = "historical";
    public const string Question = "question";
    public const string Hypothetical = "hypothetical";
    public const string Unclear = "ambiguous";
}

/// <summary>Reads a message for red flags. One method, so the detector behind it can change without the dialogs.</summary>
public interface IFreeTextReader
{
    FreeTextReading Read(string text);
}

/// <summary>
/// The seam to the content's detector. Today <see cref="IContentCatalog.DetectRedFlags"/> finds present statements
/// only, so there are no mentions yet; when the catalog can tell mentions apart (ReadRedFlags: present hits and
/// mentions with a reason), only <see cref="Read"/> changes.
/// </summary>
public sealed class CatalogFreeTextReader(IContentCatalog content) : IFreeTextReader
{
    public FreeTextReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var present = content.DetectRedFlags(text);
        return present.Count == 0 ? FreeTextReading.Nothing : new FreeTextReading(present, []);
    }
}
