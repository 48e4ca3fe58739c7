namespace TriageBot.Content;

/// <summary>The files of dialogs/content (see its README), relative to the content folder.</summary>
public static class ContentFileNames
{
    public const string Manifest = "manifest.yaml";
    public const string Messages = "messages.yaml";
    public const string Prompts = "prompts.yaml";
    public const string Education = "education.yaml";
    public const string RedFlags = "red-flags.yaml";
    public const string Dispositions = "dispositions.yaml";
    public const string HazardLog = "hazard-log.yaml";
    public const string Sources = "sources.yaml";
    public const string Context = "context.yaml";
    public const string Golden = "golden/red-flag-utterances.yaml";
}
