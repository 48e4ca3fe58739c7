using TriageBot.Content;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.AnswerSets;

/// <summary>
/// One person's answers to every question the triage can ask, as choice ids: the red-flag screen in
/// <see cref="RedFlagScreen.Order"/> (age band first, then the pain's place (<see cref="Location"/>, one), conditional
/// questions too: they count only when asked), the pain (spread, 0-10 score, duration band, whether it started before
/// 45 (<see cref="Onset"/>), inflammatory back pain features), numbness (any, places, getting worse) and
/// the treatments tried (none when empty) with whether they helped. <see cref="Wording"/> picks which synonym or
/// free-text phrasing is typed when the answers are typed rather than tapped.
/// </summary>
internal sealed record AnswerSet(
    string Locale,
    IReadOnlyList<string> Screen,
    string Location,
    string Spread,
    int Score,
    string Duration,
    string Stiffness,
    string NumbnessAny,
    IReadOnlyList<string> Places,
    string Worsening,
    IReadOnlyList<string> Treatments,
    string Helped,
    int Wording,
    string Onset = Choices.No)
{
    /// <summary>The answer to a screen question, by its prompt key.</summary>
    public string ScreenAnswer(string prompt) => Screen[ScreenIndex(prompt)];

    public static int ScreenIndex(string prompt)
    {
        for (var i = 0; i < RedFlagScreen.Order.Count; i++)
        {
            if (RedFlagScreen.Order[i].Prompt == prompt)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{prompt} is not a screen question.");
    }

    /// <summary>The same answers with screen question <paramref name="index"/> answered <paramref name="answer"/>.</summary>
    public AnswerSet WithScreen(int index, string answer) => this with { Screen = [.. Screen.Select((a, i) => i == index ? answer : a)] };
}

/// <summary>One question as the model of the flow asks it, and the answer's choice id (or the typed score).</summary>
internal sealed record AskedQuestion(string Prompt, string Answer);

/// <summary>What the triage should make of an answer set: the questions asked in order, the findings, the verdict.</summary>
internal sealed record ExpectedTriage(IReadOnlyList<AskedQuestion> Asked, IReadOnlySet<string> Findings, DispositionResult Result)
{
    public string Level => Outcomes.Id(Result.Level);

    public IReadOnlyList<string> Reasons => [.. Result.Hazards.Order(StringComparer.Ordinal)];

    /// <summary>
    /// The answers as the conversation they stand for: "question → answer" per line, then the level, reasons (hazard
    /// ids) and the rules that matched. What a failing property prints, so a clinician can read the case.
    /// </summary>
    public string Transcript(IContentCatalog content, string locale)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = Asked.Select(q => $"  {Shorten(content.Prompt(q.Prompt, locale).Text)} → {Title(content, locale, q.Prompt, q.Answer)}");
        return string.Join("\n", lines.Append(
            $"  = {Level}; reasons: [{string.Join(", ", Reasons)}]; rules: [{string.Join(", ", Result.Rules)}]"));
    }

    private static string Title(IContentCatalog content, string locale, string prompt, string answer) =>
        content.Prompt(prompt, locale).Choices.FirstOrDefault(c => c.Id == answer)?.Title ?? answer;

    private static string Shorten(string question)
    {
        var line = question.Split('\n')[0];
        return line.Length > 90 ? line[..90] + "…" : line;
    }
}

/// <summary>
/// The flow as a clinician signs it off, applied to an answer set with the dialogs' own answer → finding mapping
/// (<see cref="RedFlagScreen"/>, <see cref="PainDialog.FindingsOf"/>, <see cref="NumbnessDialog.FindingsOf"/>,
/// <see cref="TreatmentsDialog.FindingsOf"/>): the screen in order (a conditional question only when its condition
/// was found), stopping at the first emergency; then pain, numbness and treatments, each checked for an emergency.
/// </summary>
internal static class TriageModel
{
    /// <param name="stopAtEmergency">False: every answer counts, as if the screen never stopped (table-level checks).</param>
    public static ExpectedTriage Walk(this AnswerSet set, IContentCatalog content, bool stopAtEmergency = true)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(content);
        var asked = new List<AskedQuestion> { new(Prompt.Consent, Choices.Yes) };
        var findings = new HashSet<string>(StringComparer.Ordinal);
        ExpectedTriage Verdict() => new(asked, findings.ToHashSet(StringComparer.Ordinal), content.Evaluate(findings));
        bool Stops() => stopAtEmergency && content.Evaluate(findings).Level == DispositionLevel.Emergency;

        for (var i = 0; i < RedFlagScreen.Order.Count; i++)
        {
            var question = RedFlagScreen.Order[i];
            if (!question.IsAsked(findings.Contains))
            {
                continue;
            }

            var answer = set.Screen[i];
            asked.Add(new(question.Prompt, answer));
            if (question.Reading == ScreenReading.Places)
            {
                asked.Add(new(Prompt.Pain.LocationMore, Choices.Done));
            }

            findings.UnionWith(ScreenFindings(question, answer));
            if (Stops())
            {
                return Verdict();
            }
        }

        findings.UnionWith(PainFindings(set, asked, findings.Contains(Findings.AgeUnder45)));
        if (Stops())
        {
            return Verdict();
        }

        findings.UnionWith(NumbnessFindings(set, content, asked));
        if (Stops())
        {
            return Verdict();
        }

        findings.UnionWith(TreatmentFindings(set, asked));
        return Verdict();
    }

    /// <summary>The findings one screen answer records (as <see cref="RedFlagScreenDialog"/> reads it).</summary>
    public static IEnumerable<string> ScreenFindings(ScreenQuestion question, string answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Reading switch
        {
            ScreenReading.AgeBand => RedFlagScreen.AgeFindings(answer),
            ScreenReading.Places => [Findings.PainLocation(answer)],
            ScreenReading.YesOrUnclear => answer == Choices.Yes ? [question.Finding!] : [],
            _ => Choices.IsPositive(answer) ? [question.Finding!] : [],
        };
    }

    private static IReadOnlyList<string> PainFindings(AnswerSet set, List<AskedQuestion> asked, bool under45)
    {
        asked.Add(new(Prompt.Pain.Spread, set.Spread));
        asked.Add(new(Prompt.Pain.Score, set.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        asked.Add(new(Prompt.Pain.Duration, set.Duration));
        var longStanding = set.Duration == DurationBandPrompt.Over12Weeks;
        var onsetAsked = !under45 && longStanding;
        if (onsetAsked)
        {
            asked.Add(new(Prompt.Screen.OnsetBefore45, set.Onset));
        }

        var stiffnessAsked = longStanding && (under45 || Choices.IsPositive(set.Onset));
        if (stiffnessAsked)
        {
            asked.Add(new(Prompt.Screen.Inflammatory, set.Stiffness));
        }

        asked.Add(new(Prompt.Pain.Triggers, Choices.Skip));
        return PainDialog.FindingsOf(new PainAnswers(
            Spread: set.Spread, Score: set.Score, Duration: set.Duration, InflammatoryPattern: stiffnessAsked ? set.Stiffness : null,
            Under45: under45, OnsetBefore45: onsetAsked ? set.Onset : null));
    }

    private static IReadOnlyList<string> NumbnessFindings(AnswerSet set, IContentCatalog content, List<AskedQuestion> asked)
    {
        asked.Add(new(Prompt.Numbness.Any, set.NumbnessAny));
        if (set.NumbnessAny == Choices.No)
        {
            return NumbnessDialog.FindingsOf(new NumbnessAnswers(Choices.No));
        }

        var everyPlace = content.Prompt(Prompt.Numbness.Where, set.Locale).Choices.Count;
        var places = PlacesAsked(set.Places);
        for (var i = 0; i < places.Count; i++)
        {
            asked.Add(new(i == 0 ? Prompt.Numbness.Where : Prompt.Numbness.WhereMore, places[i]));
        }

        var emergency = places.Any(NumbnessPlacesDialog.IsEmergency);
        if (!emergency && places.Count < everyPlace)
        {
            asked.Add(new(Prompt.Numbness.WhereMore, Choices.Done));
        }

        if (!emergency)
        {
            asked.Add(new(Prompt.Numbness.Worsening, set.Worsening));
        }

        return NumbnessDialog.FindingsOf(new NumbnessAnswers(set.NumbnessAny, places, emergency ? null : set.Worsening));
    }

    /// <summary>The places actually asked for: the places dialog stops at the first that is an emergency on its own.</summary>
    public static IReadOnlyList<string> PlacesAsked(IReadOnlyList<string> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var first = places.ToList().FindIndex(NumbnessPlacesDialog.IsEmergency);
        return first < 0 ? places : [.. places.Take(first + 1)];
    }

    private static IReadOnlyList<string> TreatmentFindings(AnswerSet set, List<AskedQuestion> asked)
    {
        if (set.Treatments.Count == 0)
        {
            asked.Add(new(Prompt.Treatments.Pick, Choices.None));
            return TreatmentsDialog.FindingsOf(new TreatmentAnswers([Choices.None], null));
        }

        for (var i = 0; i < set.Treatments.Count; i++)
        {
            asked.Add(new(i == 0 ? Prompt.Treatments.Pick : Prompt.Treatments.More, set.Treatments[i]));
        }

        asked.Add(new(Prompt.Treatments.More, Choices.Done));
        asked.Add(new(Prompt.Treatments.Helped, set.Helped));
        return TreatmentsDialog.FindingsOf(new TreatmentAnswers(set.Treatments, set.Helped));
    }
}
