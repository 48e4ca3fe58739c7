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

        // Third pass: dialect and text-speak grammar words (Scots and Northern English, Irish, US Southern and AAVE,
        // teen texting), so that "cannae feel a thing doon below" reads as "cant feel a thing down below" and
        // "ain't been able to" as "isnt been able to".
        ["cannae"] = ["cant"],
        ["canna"] = ["cant"],
        ["caint"] = ["cant"],
        ["dinnae"] = ["dont"],
        ["dinna"] = ["dont"],
        ["didnae"] = ["didnt"],
        ["couldnae"] = ["couldnt"],
        ["wouldnae"] = ["wouldnt"],
        ["isnae"] = ["isnt"],
        ["wasnae"] = ["wasnt"],
        ["havnae"] = ["havent"],
        ["havenae"] = ["havent"],
        ["hasnae"] = ["hasnt"],
        ["aint"] = ["isnt"],
        ["havnt"] = ["havent"],
        ["hvnt"] = ["havent"],
        ["didn"] = ["didnt"],
        ["dosnt"] = ["doesnt"],
        ["dosent"] = ["doesnt"],
        ["doesent"] = ["doesnt"],
        ["nae"] = ["no"],
        ["doon"] = ["down"],
        ["oot"] = ["out"],
        ["wi"] = ["with"],
        ["wif"] = ["with"],
        ["intae"] = ["into"],
        ["gonnae"] = ["going", "to"],
        ["masel"] = ["myself"],
        ["mysel"] = ["myself"],
        ["mysen"] = ["myself"],
        ["hav"] = ["have"],
        ["hv"] = ["have"],
        ["smth"] = ["something"],
        ["sth"] = ["something"],
        ["smthn"] = ["something"],
        ["somethin"] = ["something"],
        ["anythin"] = ["anything"],
        ["outta"] = ["out", "of"],
        ["tryna"] = ["trying", "to"],
        ["finna"] = ["going", "to"],
        ["imma"] = ["im", "going", "to"],
        ["lemme"] = ["let", "me"],
        ["wen"] = ["when"],
        ["wat"] = ["what"],
        ["wot"] = ["what"],
        ["dat"] = ["that"],
        ["dis"] = ["this"],
        ["dey"] = ["they"],
        ["dem"] = ["them"],
        ["ppl"] = ["people"],
        ["bcos"] = ["because"],
        ["bcoz"] = ["because"],
        ["becuz"] = ["because"],
        ["bcuz"] = ["because"],
        ["rly"] = ["really"],
        ["lyk"] = ["like"],
        ["nvr"] = ["never"],
        ["yer"] = ["your"],

        // Fourth pass: more misspelled negatives and Scots, Irish and Northern grammar words, so a denial or a
        // "from" / "off" / "after" reads the same however it is spelled ("legs arnt weak", "came aff ma bike").
        ["arnt"] = ["arent"],
        ["isent"] = ["isnt"],
        ["wasent"] = ["wasnt"],
        ["dint"] = ["didnt"],
        ["doesnae"] = ["doesnt"],
        ["disnae"] = ["doesnt"],
        ["wisnae"] = ["wasnt"],
        ["willnae"] = ["wont"],
        ["wullnae"] = ["wont"],
        ["nane"] = ["none"],
        ["fae"] = ["from"],
        ["frae"] = ["from"],
        ["tae"] = ["to"],
        ["aff"] = ["off"],
        ["ower"] = ["over"],
        ["efter"] = ["after"],
        ["wis"] = ["was"],

        // Fifth pass: Caribbean English and Patois grammar words ("mi cyaan feel nuttin", "mi nuh know why"), Spanish
        // "mi" (my), Scots "ah'm" (I'm), and the g-less endings writers drop ("nuttin").
        ["mi"] = ["my"],
        ["nuh"] = ["not"],
        ["cyaan"] = ["cant"],
        ["caan"] = ["cant"],
        ["kyaan"] = ["cant"],
        ["nuttin"] = ["nothing"],
        ["nutten"] = ["nothing"],
        ["bredda"] = ["brother"],
        ["breda"] = ["brother"],
        ["sistah"] = ["sister"],
        ["di"] = ["the"],
        ["pon"] = ["on"],
        ["ahm"] = ["im"],
        ["ahve"] = ["ive"],

        // Sixth pass: grammar words with the final g dropped ("she been havin back pain", "he's gettin worse").
        ["havin"] = ["having"],
        ["bein"] = ["being"],
        ["gettin"] = ["getting"],
        ["doin"] = ["doing"],
        ["goin"] = ["going"],
        ["comin"] = ["coming"],
        ["sayin"] = ["saying"],
        ["feelin"] = ["feeling"],
        ["tryin"] = ["trying"],
        ["askin"] = ["asking"],
        ["typin"] = ["typing"],
        ["writin"] = ["writing"],
        ["lookin"] = ["looking"],
        ["talkin"] = ["talking"],
        ["thinkin"] = ["thinking"],
    };

    // Sixth pass: emoji that writers use for a body part, a bodily function or a thing, read as the plain word the
    // lexicon lists ("my 🍑 has gone numb", "can't 💦", "🦵🦵 gave way"). Faces and hearts that only show a mood are
    // left out: they say nothing about a red flag.
    private static readonly Dictionary<int, string[]> Emoji = new()
    {
        [0x1F351] = ["bum"], // peach
        [0x1F346] = ["penis"], // aubergine
        [0x1F4A9] = ["poo"], // pile of poo
        [0x1F6BD] = ["toilet"],
        [0x1F4A6] = ["wee"], // sweat droplets, used for passing water
        [0x1F9B5] = ["leg"],
        [0x1F9B6] = ["foot"],
        [0x1F48A] = ["pills"],
        [0x1F321] = ["temperature"], // thermometer
        [0x1F912] = ["fever"], // face with thermometer
        [0x1F975] = ["hot"],
        [0x1F976] = ["cold"],
        [0x1FAC0] = ["heart"], // anatomical heart
        [0x1FAC1] = ["lungs"],
        [0x1FA78] = ["blood"], // drop of blood
        [0x1F52B] = ["gun"],
        [0x1FAA2] = ["rope"], // knot
        [0x1F697] = ["car"],
        [0x1F3CD] = ["motorbike"],
        [0x1FA9C] = ["ladder"],
        [0x1F9E0] = ["brain"],
        [0x1F32B] = ["dizzy"], // fog (in the dizzy face)
        [0x1F635] = ["dizzy"], // face with crossed-out eyes
    };

    // Negated be/have/do forms also count as the word "not", so "he is not able to" matches "not able to".
    private static readonly HashSet<string> NotForms = new(StringComparer.Ordinal)
    {
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt",
    };

    private static readonly HashSet<string> Reflexives = new(StringComparer.Ordinal) { "my", "him", "her", "your", "them", "our" };

    // Fifth pass: tens and teens written out ("I'm eighty-two", "seventy eight", "nineteen") read as digits, so an age in words
    // meets the age bands of red-flags.yaml ("im seventyplus") and the context's "<number>".
    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fourty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,

        // The teens stand alone ("when I was nineteen"); no unit follows them.
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
    };

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JoinAbleTo(JoinNegatives(JoinNumberWords(Split(text))));
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
            if (char.IsSurrogate(c) || c > '\u2000')
            {
                // Sixth pass: an emoji that stands for a body part or a thing is read as its word ("my 🍑 is numb").
                if (System.Text.Rune.TryGetRuneAt(text, i, out var rune) && Emoji.TryGetValue(rune.Value, out var said))
                {
                    foreach (var written in said)
                    {
                        tokens.Add(new Token(written, i, i + rune.Utf16SequenceLength, sentence, comma));
                        comma = false;
                    }

                    i += rune.Utf16SequenceLength;
                    continue;
                }
            }

            if (!char.IsLetterOrDigit(c))
            {
                if (c == '&')
                {
                    tokens.Add(new Token("and", i, i + 1, sentence, comma)); // "pins & needles"
                    comma = false;
                }

                if (c == '?' && tokens.Count > 0 && tokens[^1].Sentence == sentence && !IsQueryMark(text, i))
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

    /// <summary>"eighty-two" → "82", "seventy" → "70" (in place: only the tens start a number).</summary>
    private static List<Token> JoinNumberWords(List<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!Tens.TryGetValue(tokens[i].Text, out var value))
            {
                continue;
            }

            var number = tokens[i];
            if (value >= 20 && i + 1 < tokens.Count && tokens[i + 1] is { CommaBefore: false } unit && unit.Sentence == number.Sentence
                && Units.TryGetValue(unit.Text, out var ones))
            {
                value += ones;
                number = number with { End = unit.End, QuestionAfter = unit.QuestionAfter };
                tokens.RemoveAt(i + 1);
            }

            tokens[i] = number with { Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
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

            // "with out" is "without" ("losing weight with out trying"): the pair has no other meaning in a message.
            if (i + 1 < tokens.Count && token.Text == "with"
                && tokens[i + 1] is { Text: "out", CommaBefore: false } outWord && outWord.Sentence == token.Sentence)
            {
                joined.Add(token with { Text = "without", End = outWord.End, QuestionAfter = outWord.QuestionAfter });
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

    /// <summary>
    /// "unable to", "not able to", "not being able to", "haven't been able to", "ain't able to" and non-native "no able
    /// to" and "no can" read as "cant"
    /// ("wasn't able to", "hadn't been able to" as "couldnt"), so every "can't ..." entry also matches the ways people
    /// say it ("I haven't been able to pass water" is "I can't pass water"). Entries are normalized the same way.
    /// </summary>
    private static List<Token> JoinAbleTo(List<Token> tokens)
    {
        var joined = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // Non-native "I no can feel my legs" is "I cant feel my legs".
            if (token.Text is "no" or "not" && i + 1 < tokens.Count && tokens[i + 1] is { Text: "can", CommaBefore: false } can
                && can.Sentence == token.Sentence)
            {
                joined.Add(token with { Text = "cant", End = can.End, Alias = null, QuestionAfter = can.QuestionAfter });
                i++;
                continue;
            }

            var able = token.Text == "unable" ? i : -1;
            if (able < 0 && (token.Text is "not" or "no" || token.Alias == "not"))
            {
                // "haven't really been able to": one intensifier may come first.
                var next = i + 1 < tokens.Count && tokens[i + 1].Text is ("really" or "even" or "actually" or "properly") ? i + 2 : i + 1;
                next = next < tokens.Count && tokens[next].Text is ("been" or "being") && !tokens[next].CommaBefore ? next + 1 : next;
                able = next < tokens.Count && tokens[next].Text == "able" && !tokens[next].CommaBefore ? next : -1;
            }

            if (able >= 0 && able + 1 < tokens.Count && tokens[able + 1] is { Text: "to", CommaBefore: false } to
                && to.Sentence == token.Sentence && (able == i || tokens[able].Sentence == token.Sentence))
            {
                var past = token.Text is "wasnt" or "werent" or "hadnt" or "didnt";
                joined.Add(token with { Text = past ? "couldnt" : "cant", End = to.End, Alias = null, QuestionAfter = to.QuestionAfter });
                i = able + 1;
                continue;
            }

            joined.Add(token);
        }

        return joined;
    }

    /// <summary>
    /// Clinicians' shorthand "? CES", "?fracture" after a comma or at the start: a suspected diagnosis, not a question
    /// about the words before it ("pt is my husband, no urine in 10 hrs, ? CES").
    /// </summary>
    private static bool IsQueryMark(string text, int i)
    {
        var before = i - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before]))
        {
            before--;
        }

        var after = i + 1;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        return (before < 0 || text[before] == ',') && after < text.Length && char.IsLetter(text[after]);
    }

    /// <summary>A dash between words: "–", "—", or a hyphen with a space on either side (not "self-harm").</summary>
    private static bool IsDash(string text, int i) =>
        text[i] is '\u2013' or '\u2014'
        || (text[i] == '-' && ((i > 0 && char.IsWhiteSpace(text[i - 1])) || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))));

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or ';' or ':' or '\n' or '\r' or '\u2026';
}
