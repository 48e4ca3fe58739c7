namespace TriageBot.Dialogs.Flow;

/// <summary>Names of the triage's own state properties (beside the dialog stack).</summary>
internal static class TriageKeys
{
    /// <summary>Red flags found in free text that were not emergencies (those end the chat at once): merged at the disposition.</summary>
    public const string FreeTextFindings = "triage.freeTextFindings";
}
