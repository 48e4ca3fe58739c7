namespace TriageBot.Recognizers;

/// <summary>What an ordinal counts from.</summary>
public enum OrdinalRelativeTo
{
    /// <summary>"third" counts from the start: offset 3.</summary>
    Start,

    /// <summary>"last" is end+0, "penultimate" end-1.</summary>
    End,

    /// <summary>"next" is current+1, "previous" current-1.</summary>
    Current,
}
