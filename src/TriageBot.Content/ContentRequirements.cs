namespace TriageBot.Content;

/// <summary>
/// What the code expects of the content, for <see cref="ContentValidator"/>. Only <see cref="Keys"/> is required;
/// the rest make the checks stricter when the code can say them (the dialogs' <c>ContentKeys</c> does).
/// </summary>
/// <param name="Keys">Every message and prompt key the code asks for.</param>
/// <param name="Findings">Every finding id the code records; disposition rules and education <c>showFor</c> may use only these.</param>
/// <param name="PromptChoices">Choice ids each prompt must have, in display order (empty: no choices).</param>
/// <param name="MessageArguments">Arguments the code passes per message; a message may use only these placeholders and the manifest's.</param>
public sealed record ContentRequirements(
    IReadOnlySet<string> Keys,
    IReadOnlySet<string>? Findings = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? PromptChoices = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? MessageArguments = null);
