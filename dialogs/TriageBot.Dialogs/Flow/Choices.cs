namespace TriageBot.Dialogs.Flow;

/// <summary>Choice ids shared by several questions (dialogs/content/README.md).</summary>
internal static class Choices
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string NotSure = "not-sure";
    public const string Done = "done";
    public const string None = "none";
    public const string Skip = "skip";
    public const string Under16 = "under-16";

    /// <summary>Safety first: "not sure", and an answer we could not understand, count as yes.</summary>
    public static bool IsPositive(string? answer) => answer is null or Yes or NotSure;
}
