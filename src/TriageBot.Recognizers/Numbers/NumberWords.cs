using System.Collections.Frozen;

namespace TriageBot.Recognizers.Numbers;

internal enum WordClass
{
    None,
    Zero,
    Unit,
    Teen,
    Tens,
    Hundred,
    Big,
    Dozen,
}

/// <summary>English number words. Data only; the grammar lives in <see cref="CardinalParser"/>.</summary>
internal static class NumberWords
{
    public static readonly FrozenDictionary<string, (WordClass Class, double Value)> Cardinals = new Dictionary<string, (WordClass, double)>
    {
        ["zero"] = (WordClass.Zero, 0),
        ["nought"] = (WordClass.Zero, 0),
        ["naught"] = (WordClass.Zero, 0),
        ["one"] = (WordClass.Unit, 1),
        ["two"] = (WordClass.Unit, 2),
        ["three"] = (WordClass.Unit, 3),
        ["four"] = (WordClass.Unit, 4),
        ["five"] = (WordClass.Unit, 5),
        ["six"] = (WordClass.Unit, 6),
        ["seven"] = (WordClass.Unit, 7),
        ["eight"] = (WordClass.Unit, 8),
        ["nine"] = (WordClass.Unit, 9),
        ["ten"] = (WordClass.Teen, 10),
        ["eleven"] = (WordClass.Teen, 11),
        ["twelve"] = (WordClass.Teen, 12),
        ["thirteen"] = (WordClass.Teen, 13),
        ["fourteen"] = (WordClass.Teen, 14),
        ["fifteen"] = (WordClass.Teen, 15),
        ["sixteen"] = (WordClass.Teen, 16),
        ["seventeen"] = (WordClass.Teen, 17),
        ["eighteen"] = (WordClass.Teen, 18),
        ["nineteen"] = (WordClass.Teen, 19),
        ["twenty"] = (WordClass.Tens, 20),
        ["thirty"] = (WordClass.Tens, 30),
        ["forty"] = (WordClass.Tens, 40),
        ["fourty"] = (WordClass.Tens, 40),
        ["fifty"] = (WordClass.Tens, 50),
        ["sixty"] = (WordClass.Tens, 60),
        ["seventy"] = (WordClass.Tens, 70),
        ["eighty"] = (WordClass.Tens, 80),
        ["ninety"] = (WordClass.Tens, 90),
        ["hundred"] = (WordClass.Hundred, 100),
        ["hundreds"] = (WordClass.Hundred, 100),
        ["thousand"] = (WordClass.Big, 1e3),
        ["thousands"] = (WordClass.Big, 1e3),
        ["million"] = (WordClass.Big, 1e6),
        ["millions"] = (WordClass.Big, 1e6),
        ["billion"] = (WordClass.Big, 1e9),
        ["billions"] = (WordClass.Big, 1e9),
        ["trillion"] = (WordClass.Big, 1e12),
        ["trillions"] = (WordClass.Big, 1e12),
        ["lakh"] = (WordClass.Big, 1e5),
        ["lakhs"] = (WordClass.Big, 1e5),
        ["lac"] = (WordClass.Big, 1e5),
        ["crore"] = (WordClass.Big, 1e7),
        ["crores"] = (WordClass.Big, 1e7),
        ["dozen"] = (WordClass.Dozen, 12),
        ["dozens"] = (WordClass.Dozen, 12),
        ["dz"] = (WordClass.Dozen, 12),
        ["dzs"] = (WordClass.Dozen, 12),
        ["doz"] = (WordClass.Dozen, 12),
        ["dozs"] = (WordClass.Dozen, 12),
    }.ToFrozenDictionary();

    /// <summary>Ordinal words and the cardinal word they stand for ("twentieth" → "twenty").</summary>
    public static readonly FrozenDictionary<string, string> Ordinals = new Dictionary<string, string>
    {
        ["first"] = "one",
        ["second"] = "two",
        ["third"] = "three",
        ["fourth"] = "four",
        ["fifth"] = "five",
        ["sixth"] = "six",
        ["seventh"] = "seven",
        ["eighth"] = "eight",
        ["ninth"] = "nine",
        ["nineth"] = "nine",
        ["tenth"] = "ten",
        ["eleventh"] = "eleven",
        ["twelfth"] = "twelve",
        ["thirteenth"] = "thirteen",
        ["fourteenth"] = "fourteen",
        ["fifteenth"] = "fifteen",
        ["sixteenth"] = "sixteen",
        ["seventeenth"] = "seventeen",
        ["eighteenth"] = "eighteen",
        ["nineteenth"] = "nineteen",
        ["twentieth"] = "twenty",
        ["thirtieth"] = "thirty",
        ["fortieth"] = "forty",
        ["fiftieth"] = "fifty",
        ["sixtieth"] = "sixty",
        ["seventieth"] = "seventy",
        ["eightieth"] = "eighty",
        ["ninetieth"] = "ninety",
        ["hundredth"] = "hundred",
        ["thousandth"] = "thousand",
        ["millionth"] = "million",
        ["billionth"] = "billion",
        ["trillionth"] = "trillion",
    }.ToFrozenDictionary();

    /// <summary>Words that can close a fraction: plural ordinals plus "half" and "quarter" forms.</summary>
    public static readonly FrozenDictionary<string, double> SpecialDenominators = new Dictionary<string, double>
    {
        ["half"] = 2,
        ["halves"] = 2,
        ["halfs"] = 2,
        ["quarter"] = 4,
        ["quarters"] = 4,
    }.ToFrozenDictionary();

    /// <summary>Abbreviated multipliers written right after digits ("10k", "1.2b", "10 bln"). Case-sensitive.</summary>
    public static readonly FrozenDictionary<string, double> GluedSuffixes = new Dictionary<string, double>
    {
        ["k"] = 1e3,
        ["K"] = 1e3,
        ["M"] = 1e6,
        ["MM"] = 1e6,
        ["b"] = 1e9,
        ["B"] = 1e9,
        ["bn"] = 1e9,
        ["bln"] = 1e9,
        ["tln"] = 1e12,
        ["T"] = 1e12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Abbreviations also accepted after a space ("2.33 k", "10 bln"); single lower-case letters are too ambiguous otherwise.</summary>
    public static readonly FrozenDictionary<string, double> SpacedSuffixes = new Dictionary<string, double>
    {
        ["k"] = 1e3,
        ["K"] = 1e3,
        ["M"] = 1e6,
        ["MM"] = 1e6,
        ["bn"] = 1e9,
        ["bln"] = 1e9,
        ["tln"] = 1e12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<char, (double Numerator, double Denominator)> VulgarFractions = new Dictionary<char, (double, double)>
    {
        ['\u00bd'] = (1, 2),
        ['\u2153'] = (1, 3),
        ['\u2154'] = (2, 3),
        ['\u00bc'] = (1, 4),
        ['\u00be'] = (3, 4),
        ['\u2155'] = (1, 5),
        ['\u2156'] = (2, 5),
        ['\u2157'] = (3, 5),
        ['\u2158'] = (4, 5),
        ['\u2159'] = (1, 6),
        ['\u215a'] = (5, 6),
        ['\u2150'] = (1, 7),
        ['\u215b'] = (1, 8),
        ['\u215c'] = (3, 8),
        ['\u215d'] = (5, 8),
        ['\u215e'] = (7, 8),
        ['\u2151'] = (1, 9),
        ['\u2152'] = (1, 10),
    }.ToFrozenDictionary();

    public static readonly FrozenSet<string> OrdinalDigitSuffixes = FrozenSet.ToFrozenSet(["st", "nd", "rd", "th"]);

    /// <summary>Words after which a lone "one" is a pronoun ("this one", "the next one"), not a count.</summary>
    public static readonly FrozenSet<string> PronounOneContext = FrozenSet.ToFrozenSet(
    [
        "this", "that", "the", "which", "each", "every", "any", "no", "another", "other", "some", "next",
        "previous", "current", "last", "a", "an", "only", "little", "big", "right", "wrong", "same", "first",
        "second", "third", "whichever",
    ]);

    public static (WordClass Class, double Value) Classify(string word) =>
        Cardinals.TryGetValue(word, out var c) ? c : (WordClass.None, 0);

    /// <summary>The cardinal reading of an ordinal word, singular or plural ("fifths" → "five").</summary>
    public static string? OrdinalBase(string word, bool allowPlural)
    {
        if (Ordinals.TryGetValue(word, out var b))
        {
            return b;
        }

        return allowPlural && word.Length > 3 && word[^1] == 's' && Ordinals.TryGetValue(word[..^1], out b) ? b : null;
    }
}
