namespace TriageBot.Content.Detection;

/// <summary>
/// One normalized word of the user's text: lower-case, apostrophes dropped (<c>can't</c> → <c>cant</c>), two-word
/// negatives joined (<c>can not</c> → <c>cant</c>). <see cref="Start"/>/<see cref="End"/> are UTF-16 indices into
/// the original text.
/// </summary>
/// <param name="Alias">Another word this token also stands for: <c>isnt</c> also matches <c>not</c>.</param>
/// <param name="Sentence">Which sentence (split at . ! ? ; : and line breaks) the word is in.</param>
/// <param name="CommaBefore">A comma separates this word from the previous one.</param>
/// <param name="QuestionAfter">A question mark follows this word ("is it serious?").</param>
internal readonly record struct Token(string Text, int Start, int End, int Sentence, bool CommaBefore, string? Alias = null, bool QuestionAfter = false);
