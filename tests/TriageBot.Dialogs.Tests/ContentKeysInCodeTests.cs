using System.Text.RegularExpressions;
using static TriageBot.Dialogs.ContentKeys;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// Content keys have one source of truth, ContentKeys: the dialogs name wording only through its constants (the same
/// list the app checks the YAML against at startup), so no message can be missing from the check or never said.
/// </summary>
public sealed partial class ContentKeysInCodeTests
{
    [Fact]
    public void DialogCode_NamesNoContentKeyAsAStringLiteral()
    {
        var code = Path.Combine(RepoPaths.Root, "dialogs", "TriageBot.Dialogs");
        var offenders = Directory.EnumerateFiles(code, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not "ContentKeys.cs" and not "ContentKeyTables.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && KeyLiteral().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use ContentKeys instead of these literals:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public async Task AnswerNotUnderstood_AfterTheLastReAsk_SaysSo_ThenMovesOn()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.SayAsync(chat.Title(Prompt.Pain.Spread, "none"));
        await chat.SayAsync("purple");
        await chat.SayAsync("purple");

        var texts = Texts(await chat.SayAsync("purple"));

        Assert.Equal([chat.T(Errors.NotUnderstood), chat.Q(Prompt.Pain.Duration)], texts);
    }

    [Fact]
    public async Task WarningSignAnswerNotUnderstood_SaysSo_AndCountsAsNotSure()
    {
        var chat = new TriageChat();
        await chat.ConsentAndAgeAsync();
        await chat.SayAsync("purple");
        await chat.SayAsync("purple");

        var replies = await chat.SayAsync("purple");

        Assert.Equal(chat.T(Errors.NotUnderstood), Texts(replies)[0]);
        Assert.Equal("emergency", Outcome(replies)?.Level);
    }

    [Fact]
    public async Task DeleteMyData_WithNothingStored_SaysThereIsNothingToDelete()
    {
        var chat = new TriageChat();
        Assert.Equal([chat.Q(Prompt.Delete.Confirm)], Texts(await chat.SayAsync("delete my data")));

        var texts = Texts(await chat.SayAsync("yes"));

        Assert.Equal([chat.T(ContentKeys.Commands.DeleteNothing)], texts);
    }

    [Fact]
    public async Task DeleteMyData_MidTriage_SaysItIsDone()
    {
        var chat = new TriageChat();
        await chat.ConsentAndAgeAsync();
        await chat.SayAsync("delete my data");

        var texts = Texts(await chat.SayAsync("yes"));

        Assert.Equal([chat.T(ContentKeys.Commands.DeleteDone)], texts);
    }

    // A quoted or interpolated string that starts like a content key or finding ("prompt.", "advice.", "pain.", ...).
    [GeneratedRegex(""""\$?"(prompt|advice|summary|referral|outcome|redflag|pain|numbness|treatments|education|welcome|consent|delete|restart|stop|help|human|medicine|check|emergency|ending|dialog|error|duration|age|injury|risk|procedure|inflammatory|pregnancy)\.[a-z{]|"(safety-net|not-understood)"""")]
    private static partial Regex KeyLiteral();
}
