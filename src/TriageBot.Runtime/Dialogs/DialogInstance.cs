using System.Text.Json;

namespace TriageBot.Runtime.Dialogs;

/// <summary>
/// One frame of the persisted dialog stack: which dialog, which version of it wrote the frame, and the dialog's own
/// state as plain JSON (a waterfall keeps its step name and typed values there). No CLR type names, no object bags,
/// so a stack written by one process resumes in another.
/// </summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public JsonElement State { get; set; }
}
