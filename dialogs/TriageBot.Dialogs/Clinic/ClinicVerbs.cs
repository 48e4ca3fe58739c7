namespace TriageBot.Dialogs.Clinic;

/// <summary>The <c>Action.Execute</c> verbs and data fields of the referral card: the wire contract with Teams.</summary>
internal static class ClinicVerbs
{
    public const string Refresh = "refresh";
    public const string Claim = "Claim";
    public const string ShowContact = "ShowContact";
    public const string MarkContacted = "MarkContacted";
    public const string AddNote = "AddNote";

    public const string ReferenceField = "reference";
    public const string NoteField = "note";

    /// <summary>The longest note the card's input takes and the bot keeps.</summary>
    public const int MaxNoteLength = 500;

    public static bool IsKnown(string? verb) => verb is Refresh or Claim or ShowContact or MarkContacted or AddNote;
}
