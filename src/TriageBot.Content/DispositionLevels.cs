using TriageBot.Content.Model;

namespace TriageBot.Content;

/// <summary>The YAML names of <see cref="DispositionLevel"/>: <c>emergency</c>, <c>urgent</c>, <c>routine</c>, <c>self-care</c>.</summary>
public static class DispositionLevels
{
    public static string Name(DispositionLevel level) => level switch
    {
        DispositionLevel.Emergency => "emergency",
        DispositionLevel.Urgent => "urgent",
        DispositionLevel.Routine => "routine",
        DispositionLevel.SelfCare => "self-care",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown disposition level."),
    };

    public static bool TryParse(string? name, out DispositionLevel level)
    {
        switch (name)
        {
            case "emergency": level = DispositionLevel.Emergency; return true;
            case "urgent": level = DispositionLevel.Urgent; return true;
            case "routine": level = DispositionLevel.Routine; return true;
            case "self-care": level = DispositionLevel.SelfCare; return true;
            default: level = DispositionLevel.SelfCare; return false;
        }
    }
}
