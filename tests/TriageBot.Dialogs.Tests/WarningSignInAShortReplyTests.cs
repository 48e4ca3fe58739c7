using Xunit.Abstractions;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// A warning sign typed as a short reply to its own question (found by <see cref="TriageFlowPropertyTests"/>, free
/// text): the reply is not an answer, the hazard's advice is said, and the question must come again, never silence.
/// </summary>
public sealed class WarningSignInAShortReplyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AWarningSignTypedAsAShortReplyToItsQuestion_GetsItsAdvice_ThenTheQuestionAgain()
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(ContentKeys.Prompt.RedFlag.WeightLoss);

        var replies = TriageChat.Texts(await chat.SayAsync("I've lost 10kg without trying"));

        output.WriteLine(chat.Transcript());
        Assert.Equal([chat.T(ContentKeys.Advice.RedFlag.WeightLoss), chat.SourcesLine(ContentKeys.Advice.RedFlag.WeightLoss), chat.Retry(ContentKeys.Prompt.RedFlag.WeightLoss)], replies);
    }
}
