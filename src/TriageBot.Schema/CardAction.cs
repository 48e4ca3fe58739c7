using System.Text.Json;

namespace TriageBot.Schema;

/// <summary>A button: <c>imBack</c> posts its value as visible user text, <c>postBack</c> hides it, <c>openUrl</c> and <c>call</c> open links.</summary>
public sealed record CardAction
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Image { get; init; }
    public string? ImageAltText { get; init; }
    public string? Text { get; init; }
    public string? DisplayText { get; init; }
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }

    /// <summary>An <c>imBack</c> button whose title is also the text sent back, as Bot Builder's choices make them.</summary>
    public static CardAction ImBack(string title, string? value = null) => new()
    {
        Type = ActionTypes.ImBack,
        Title = title,
        Value = JsonSerializer.SerializeToElement(value ?? title, SchemaJsonContext.Default.String),
    };
}
