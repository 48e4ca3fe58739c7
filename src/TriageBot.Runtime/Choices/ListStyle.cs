using System.Text.Json.Serialization;

namespace TriageBot.Runtime.Choices;

/// <summary>How choices are shown. <see cref="Auto"/> picks per channel, as Bot Builder's ChoiceFactory does.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListStyle>))]
public enum ListStyle
{
    None,
    Auto,
    Inline,
    List,
    SuggestedAction,
    HeroCard,
}
