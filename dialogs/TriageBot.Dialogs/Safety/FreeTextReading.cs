using TriageBot.Content;
using TriageBot.Content.Model;

namespace TriageBot.Dialogs.Safety;

/// <summary>
/// Reads a message for red flags (<see cref="FreeTextReading"/>: present hits get their advice at once, mentions are
/// asked about). One method, so the dialogs can be tested with a stand-in reader.
/// </summary>
public interface IFreeTextReader
{
    FreeTextReading Read(string text);
}

/// <summary>The content's context-aware red-flag net (red-flags.yaml phrases read with context.yaml rules).</summary>
public sealed class CatalogFreeTextReader(IContentCatalog content) : IFreeTextReader
{
    public FreeTextReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return content.ReadRedFlags(text);
    }
}
