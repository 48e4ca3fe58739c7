using System.Text;

namespace TriageBot.Content.Detection;

/// <summary>Splits text into <see cref="Token"/>s. The same code normalizes the phrases in red-flags.yaml.</summary>
internal static class Tokenizer
{
    // "can not" and "can't" and "cannot" must all read the same; so must "do not" and "don't".
    private static readonly Dictionary<string, string> NegatedVerbs = new(StringComparer.Ordinal)
    {
        ["can"] = "cant",
        ["do"] = "dont",
        ["does"] = "doesnt",
        ["did"] = "didnt",
        ["is"] = "isnt",
        ["are"] = "arent",
        ["was"] = "wasnt",
        ["were"] = "werent",
        ["have"] = "havent",
        ["has"] = "hasnt",
        ["had"] = "hadnt",
        ["could"] = "couldnt",
        ["would"] = "wouldnt",
        ["will"] = "wont",
        ["should"] = "shouldnt",
    };

    // How people text: one spelling for the words the negation rules and phrases rely on, and short forms written
    // out, so red-flags.yaml lists a word once ("cnt put weight" is "cant put weight", "wanna die" is "want to die",
    // "idk" is "i dont know": doubt, not denial). Fillers such as "lol" or "ngl" are left alone: they change nothing.
    private static readonly Dictionary<string, string[]> Spellings = new(StringComparer.Ordinal)
    {
        ["cannot"] = ["cant"],
        ["cnt"] = ["cant"],
        ["carnt"] = ["cant"],
        ["kant"] = ["cant"],
        ["dnt"] = ["dont"],
        ["didint"] = ["didnt"],
        ["cudnt"] = ["couldnt"],
        ["couldent"] = ["couldnt"],
        ["wudnt"] = ["wouldnt"],
        ["nothin"] = ["nothing"],
        ["nuthin"] = ["nothing"],
        ["nuffin"] = ["nothing"],
        ["nowt"] = ["nothing"],
        ["owt"] = ["anything"],
        ["summat"] = ["something"],
        ["u"] = ["you"],
        ["ya"] = ["you"],
        ["ur"] = ["your"],
        ["r"] = ["are"],
        ["n"] = ["and"],
        ["nd"] = ["and"],
        ["wiv"] = ["with"],
        ["thru"] = ["through"],
        ["bout"] = ["about"],
        ["abt"] = ["about"],
        ["nite"] = ["night"],
        ["tonite"] = ["tonight"],
        ["cos"] = ["because"],
        ["coz"] = ["because"],
        ["cuz"] = ["because"],
        ["bc"] = ["because"],
        ["meself"] = ["myself"],
        ["maself"] = ["myself"],
        ["mesel"] = ["myself"],
        ["mesen"] = ["myself"],
        ["yrs"] = ["years"],
        ["yr"] = ["year"],
        ["rn"] = ["right", "now"],
        ["idk"] = ["i", "dont", "know"],
        ["dunno"] = ["dont", "know"],
        ["wanna"] = ["want", "to"],
        ["gonna"] = ["going", "to"],
        ["gotta"] = ["got", "to"],
        ["kinda"] = ["kind", "of"],
    };

    // Negated be/have/do forms also count as the word "not", so "he is not able to" matches "not able to".
    private static readonly HashSet<string> NotForms = new(StringComparer.Ordinal)
    {
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt",
    };

    private static readonly HashSet<string> Reflexives = new(StringComparer.Ordinal) { "my", "him", "her", "your", "them", "our" };

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JoinNegatives(Split(text));
    }

    /// <summary>The normalized words of a phrase entry such as <c>"can't control"</c>.</summary>
    public static string[] Words(string entry) => [.. Tokenize(entry).Select(t => t.Text)];

    private static List<Token> Split(string text)
    {
        var tokens = new List<Token>();
        var sentence = 0;
        var comma = false;
        var word = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c == '?' && tokens.Count > 0 && tokens[^1].Sentence == sentence)
                {
                    tokens[^1] = tokens[^1] with { QuestionAfter = true };
                }

                if (IsSentenceEnd(c))
                {
                    sentence++;
                    comma = false;
                }
                else if (c == ',' || IsDash(text, i))
                {
                    comma = true; // "nope - leaking urine" reads like "nope, leaking urine"
                }

                i++;
                continue;
            }

            var start = i;
            word.Clear();
            while (i < text.Length)
            {
                var ch = text[i];
                if (char.IsLetterOrDigit(ch))
                {
                    if (word.Length > 0 && char.IsDigit(ch) != char.IsDigit(text[i - 1]))
                    {
                        break; // "10kg" is "10 kg", "2stone" is "2 stone"
                    }

                    word.Append(char.ToLowerInvariant(ch));
                    i++;
                }
                else if (IsApostrophe(ch) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    i++; // "don't" → "dont", "husband's" → "husbands"
                }
                else
                {
                    break;
                }
            }

            var normalized = word.ToString();
            foreach (var written in Spellings.TryGetValue(normalized, out var spelling) ? spelling : [normalized])
            {
                tokens.Add(new Token(written, start, i, sentence, comma, NotForms.Contains(written) ? "not" : null));
                comma = false;
            }

        }

        return tokens;
    }

    private static List<Token> JoinNegatives(List<Token> tokens)
    {
        var joined = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i + 1 < tokens.Count
                && tokens[i + 1] is { Text: "not", CommaBefore: false } next
                && next.Sentence == token.Sentence
                && NegatedVerbs.TryGetValue(token.Text, out var negative))
            {
                joined.Add(token with
                {
                    Text = negative,
                    End = next.End,
                    Alias = NotForms.Contains(negative) ? "not" : null,
                    QuestionAfter = next.QuestionAfter,
                });
                i++;
                continue;
            }

            // "my self" is "myself": "kill my self" must read as "kill myself".
            if (i + 1 < tokens.Count
                && tokens[i + 1] is { Text: "self" or "selves", CommaBefore: false } self
                && self.Sentence == token.Sentence
                && Reflexives.Contains(token.Text))
            {
                joined.Add(token with { Text = token.Text + self.Text, End = self.End });
                i++;
                continue;
            }

            joined.Add(token);
        }

        return joined;
    }

    /// <summary>A dash between words: "–", "—", or a hyphen with a space on either side (not "self-harm").</summary>
    private static bool IsDash(string text, int i) =>
        text[i] is '\u2013' or '\u2014'
        || (text[i] == '-' && ((i > 0 && char.IsWhiteSpace(text[i - 1])) || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))));

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or ';' or ':' or '\n' or '\r' or '\u2026';
}
