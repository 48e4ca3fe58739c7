namespace TriageBot.Recognizers;

/// <summary>English yes/no phrases. Data only. Multi-word phrases win over the single words inside them ("not ok").</summary>
internal static class BooleanWords
{
    public static readonly IReadOnlyList<(string[] Words, bool Value)> Phrases = Build(
        (true, ["yes", "yeah", "yea", "yep", "yup", "yah", "ya", "y", "sure", "ok", "okay", "okey", "k", "agree",
            "true", "correct", "absolutely", "definitely", "certainly", "affirmative", "indeed", "alright",
            "all right", "of course", "yes please", "that's right", "that is right"]),
        (false, ["no", "nope", "nah", "nay", "nop", "false", "disagree", "incorrect", "never", "negative",
            "not ok", "not okay", "not really", "not at all", "no way", "no thanks", "no thank you",
            "don't think so", "dont think so", "do not think so", "i don't think so", "i dont think so",
            "i do not think so", "not true", "not correct"]));

    /// <summary>👍 👌 ✅ ✔ ☑ mean yes; 👎 ❌ ✋ 🚫 ✖ mean no. Skin-tone modifiers do not change the meaning.</summary>
    public static bool? Emoji(int codePoint) => codePoint switch
    {
        0x1F44D or 0x1F44C or 0x2705 or 0x2714 or 0x2611 => true,
        0x1F44E or 0x274C or 0x270B or 0x1F6AB or 0x2716 or 0x1F590 => false,
        _ => null,
    };

    private static List<(string[], bool)> Build(params (bool Value, string[] Phrases)[] groups)
    {
        var list = new List<(string[], bool)>();
        foreach (var (value, phrases) in groups)
        {
            foreach (var p in phrases)
            {
                list.Add((p.Split(' '), value));
            }
        }

        // Longest first, so "not ok" is tried before "ok" at the same position.
        list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return list;
    }
}
