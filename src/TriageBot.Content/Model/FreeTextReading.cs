namespace TriageBot.Content.Model;

/// <summary>Why a red-flag concept in free text is a mention, not a present red flag (context.yaml).</summary>
public enum MentionReason
{
    /// <summary>About someone else: "my dad has wet himself", "my mum had cancer", "runs in the family".</summary>
    Other,

    /// <summary>In the past or resolved: "I broke my back in 2009, it healed", "years ago", "used to".</summary>
    Historical,

    /// <summary>"if", "what if", "in case", "worried about".</summary>
    Hypothetical,

    /// <summary>Asked about: "can sciatica make you wet yourself?", "is it normal ...". The dialog may teach the topic.</summary>
    Question,

    /// <summary>The concept's words are partly present and partly under a context: ask.</summary>
    Ambiguous,

    /// <summary>
    /// Only a word of the hazard's topic (red-flags.yaml <c>mentions</c>: "bladder", "chest", "crash", "both legs"),
    /// not denied, with no full red flag: ask rather than carry on silently.
    /// </summary>
    Concept,
}

/// <summary>
/// A red-flag concept that is not a clear present statement by the patient: the dialog asks the rule's check prompt
/// (<c>prompt.check.{RuleId}</c>), never gives emergency advice on a mention alone, and never stays silent.
/// </summary>
public sealed record RedFlagMention(string RuleId, string Hazard, DispositionLevel Level, MentionReason Reason, int Start, int Length);

/// <summary>
/// One message read by the red-flag net: <see cref="Present"/> hits (clear, present, first person or a carer who
/// says they speak for the patient) get their advice at once; <see cref="Mentions"/> get the rule's check prompt;
/// denied concepts are dropped. A rule is in one list at most (present wins). Both lists are in text order.
/// </summary>
/// <param name="IsQuestion">The message asks something (a question mark, or a clause that opens like a question),
/// whether or not it names a red flag: at a choice prompt it is not an answer.</param>
public sealed record FreeTextReading(IReadOnlyList<RedFlagHit> Present, IReadOnlyList<RedFlagMention> Mentions, bool IsQuestion)
{
    public static readonly FreeTextReading Nothing = new([], [], false);
}
