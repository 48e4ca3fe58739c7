using TriageBot.Recognizers.Choices;

namespace TriageBot.Recognizers.Tests;

/// <summary>A choice's words are tokenized once and remembered; the remembered tokens are the tokens.</summary>
public sealed class CandidateTokensTests
{
    [Theory]
    [InlineData("No")]
    [InlineData("I don’t think so")]
    [InlineData("dont know")]
    [InlineData("  both legs, numb  ")]
    [InlineData("")]
    public void RememberedTokens_AreTheFreshTokens(string candidate)
    {
        var fresh = ChoiceToken.Tokenize(candidate);

        Assert.Equal(fresh, CandidateTokens.Of(candidate));
        Assert.Equal(fresh, CandidateTokens.Of(candidate));
    }

    [Fact]
    public void PastItsCapacity_NewCandidates_AreStillTokenized()
    {
        for (var i = 0; i <= CandidateTokens.Capacity; i++)
        {
            CandidateTokens.Of($"filler {i}");
        }

        Assert.Equal(ChoiceToken.Tokenize("pins and needles"), CandidateTokens.Of("pins and needles"));
        Assert.Equal("needles", CandidateTokens.Of("pins and needles")[2].Text);
    }
}
