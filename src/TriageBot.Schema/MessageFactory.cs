namespace TriageBot.Schema;

/// <summary>Builds outgoing message activities (addressing is applied by the turn when they are sent).</summary>
public static class MessageFactory
{
    public static Activity Text(string text, string? inputHint = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        InputHint = inputHint ?? InputHints.AcceptingInput,
    };

    public static Activity Typing() => new() { Type = ActivityTypes.Typing };
}
