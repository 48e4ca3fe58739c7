namespace TriageBot.Runtime.Prompts;

/// <summary>What kind of reply a prompt got, so it can answer the right way before asking again.</summary>
public enum ReplyKind
{
    /// <summary>An answer the prompt understood.</summary>
    Answer,

    /// <summary>Nothing the prompt could use: it asks again with its retry text.</summary>
    Unrecognized,

    /// <summary>A question ("what does a laminectomy involve?"): never taken as an answer.</summary>
    Question,

    /// <summary>Several words that only partly match an option: never taken as an answer.</summary>
    FreeText,
}
