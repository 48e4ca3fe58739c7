using TriageBot.Content.Model;
using TriageBot.Dialogs.Safety;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// Pins what the dialogs are given: the messages a test names are read as mentions (someone else, the past, a
/// question) whatever the content's detector would say; everything else is read by the real detector.
/// </summary>
internal sealed class MentionReader(params (string Text, string RuleId, MentionReason Reason)[] mentions) : IFreeTextReader
{
    private readonly CatalogFreeTextReader _detector = new(TriageChat.Catalog);

    public FreeTextReading Read(string text) =>
        mentions.Where(m => m.Text == text).Select(Mention).ToList() is { Count: > 0 } named
            ? new FreeTextReading([], named, named.Any(m => m.Reason == MentionReason.Question))
            : _detector.Read(text);

    private static RedFlagMention Mention((string Text, string RuleId, MentionReason Reason) m)
    {
        var rule = TriageChat.Catalog.RedFlags.Single(r => r.Id == m.RuleId);
        return new RedFlagMention(rule.Id, rule.Hazard, rule.Level, m.Reason, 0, m.Text.Length);
    }
}
