using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Prompts;

/// <summary>The culture prompts recognize in: the activity's English locale, else en-US (the only language we speak).</summary>
internal static class PromptCulture
{
    public static string Of(TurnContext turnContext) =>
        turnContext.Activity.Locale is { } locale && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? locale : "en-US";
}
