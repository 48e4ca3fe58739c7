namespace TriageBot.Dialogs.Flow;

/// <summary>Persisted ids of the prompts the triage uses (explicit strings: renaming a class must not break live state).</summary>
internal static class PromptIds
{
    public const string Choice = "triage.prompt.choice";
    public const string Score = "triage.prompt.score";
    public const string Duration = "triage.prompt.duration";
    public const string Age = "triage.prompt.age";
    public const string Text = "triage.prompt.text";
    public const string Contact = "triage.prompt.contact";
}
