namespace TriageBot.Content;

/// <summary>Placeholder; replaced by the full validator.</summary>
public static class ContentValidator
{
}
