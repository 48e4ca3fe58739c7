using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// Places and treatments can be tapped on the first question or on its "anywhere else?" / "anything else?" follow-up,
/// and the summary names each by the first question's title (only the choice id is kept). So a button must read the
/// same on both, or the summary shows the person words they never chose.
/// </summary>
public sealed class FollowUpButtonTitlesTests
{
    public static TheoryData<string, string, string> FollowUps { get; } = new()
    {
        { "en-GB", Prompt.Numbness.Where, Prompt.Numbness.WhereMore },
        { "en-US", Prompt.Numbness.Where, Prompt.Numbness.WhereMore },
        { "en-GB", Prompt.Treatments.Pick, Prompt.Treatments.More },
        { "en-US", Prompt.Treatments.Pick, Prompt.Treatments.More },
    };

    [Theory]
    [MemberData(nameof(FollowUps))]
    public void AChoiceTappedOnTheFollowUp_HasTheTitleTheSummaryShowsForIt(string locale, string first, string followUp)
    {
        var shown = TriageChat.Catalog.Prompt(first, locale).Choices.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        var tapped = TriageChat.Catalog.Prompt(followUp, locale).Choices.Where(c => shown.ContainsKey(c.Id)).ToList();

        Assert.NotEmpty(tapped);
        Assert.All(tapped, c => Assert.Equal(shown[c.Id], c.Title));
    }
}
