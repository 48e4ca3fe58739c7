using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Safety;
using TriageBot.Runtime.Choices;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// How a typed answer to a safety question is read: "no" only when no is the only thing it says; any whole yes or
/// not sure (by title or synonym) counts as yes. Written for the survivors of Stryker's wide dialogs run.
/// </summary>
public sealed class SafetyAnswerTests
{
    private static readonly Choice[] YesNoNotSure =
    [
        new(Choices.Yes) { Synonyms = ["yeah"] },
        new(Choices.No) { Synonyms = ["nope"] },
        new(Choices.NotSure) { Synonyms = ["dunno"] },
    ];

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    public void IsSafetyQuestion_OnlyWhenItOffersBothNoAndNotSure(bool offersNotSure, bool offersNo, bool expected)
    {
        List<ChoiceContent> choices = [new(Choices.Yes, "Yes", [])];
        if (offersNo)
        {
            choices.Add(new(Choices.No, "No", []));
        }

        if (offersNotSure)
        {
            choices.Add(new(Choices.NotSure, "Not sure", []));
        }

        Assert.Equal(expected, SafetyAnswer.IsSafetyQuestion(new PromptContent("prompt.test", "Any?", null, choices)));
    }

    [Fact]
    public void ReadAsNo_ButTheTextAlsoSaysANotSureSynonym_CountsAsYes() =>
        Assert.True(SafetyAnswer.IsPositive(Choices.No, "no... well dunno really", YesNoNotSure));

    [Fact]
    public void ReadAsNo_AndTheTextSaysOnlyNo_IsNo() =>
        Assert.False(SafetyAnswer.IsPositive(Choices.No, "nope", YesNoNotSure));

    [Theory]
    [InlineData("pienso que no")]
    [InlineData("I'd say no")]
    [InlineData("probably nope")]
    [InlineData("my wife thinks no")]
    public void ReadAsNo_AfterWordsItDoesNotUnderstand_CountsAsYes(string text) =>
        Assert.True(SafetyAnswer.IsPositive(Choices.No, text, YesNoNotSure));

    [Theory]
    [InlineData("um no")]
    [InlineData("Well, nope")]
    [InlineData("no, but I've had a high temperature")]
    [InlineData("no bowel problems no")]
    public void ReadAsNo_LeadingTheReply_AfterFillersOnly_IsNo(string text) =>
        Assert.False(SafetyAnswer.IsPositive(Choices.No, text, YesNoNotSure));

    [Fact]
    public void ReadAsNo_WithChoicesThatHaveNoSynonyms_OrNoChoicesAtAll_IsNo()
    {
        Assert.False(SafetyAnswer.IsPositive(Choices.No, "no", [new Choice(Choices.No), new Choice(Choices.Yes)]));
        Assert.False(SafetyAnswer.IsPositive(Choices.No, "no", null));
    }

    [Fact]
    public void NothingPicked_CountsAsYes() =>
        Assert.True(SafetyAnswer.IsPositive(null, "what?", YesNoNotSure));
}
