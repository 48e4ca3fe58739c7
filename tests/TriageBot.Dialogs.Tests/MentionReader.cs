using TriageBot.Dialogs.Safety;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// Stands in for the context-aware detector (ReadRedFlags) until it lands: the messages a test names are mentions
/// (someone else, the past, a question), everything else is read by today's content detector.
/// </summary>
internal sealed class MentionReader(params (string Text, string RuleId, string Reason)[] mentions) : IFreeTextReader
{
    private readonly CatalogFreeTextReader _detector = new(TriageChat.Catalog);

    public FreeTextReading Read(string text) =>
        mentions.Where(m => m.Text == text).Select(m => new RedFlagMention(m.RuleId, m.Reason)).ToList() is { Count: > 0 } named
            ? new FreeTextReading([], named)
            : _detector.Read(text);
}
