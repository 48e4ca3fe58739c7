using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>Strict reading: every malformed file is reported with its name, line and column, all at once.</summary>
public sealed class ContentLoaderTests
{
    [Fact]
    public void Load_UnknownField_ReportsFileLineAndField()
    {
        using var fixture = ContentFixture.With(ContentFileNames.RedFlags, "    level: emergency\n    advice: advice.redflag.ces", "    level: emergency\n    colour: red\n    advice: advice.redflag.ces");

        var error = Assert.Throws<ContentLoadException>(fixture.Load);

        Assert.Equal(["red-flags.yaml line 7, column 5: unknown field 'colour'"], error.Errors);
    }

    [Theory]
    [InlineData(ContentFileNames.Manifest, "reviewDate:", "reviewedOn:", "manifest.yaml line 4, column 1: unknown field 'reviewedOn'")]
    [InlineData(ContentFileNames.Prompts, "{ id: no, title: \"No\" }", "{ id: no, label: \"No\" }", "prompts.yaml line 7, column 19: unknown field 'label'")]
    [InlineData(ContentFileNames.Messages, "  referral.saved:", "  welcome.intro:", "messages.yaml line 2, column 3: duplicate key 'welcome.intro'")]
    [InlineData(ContentFileNames.Dispositions, "level: routine }", "level: soon }", "dispositions.yaml line 6, column 67: unknown level 'soon' (use emergency, urgent, routine or self-care)")]
    [InlineData(ContentFileNames.Messages, "{ default: \"Call", "{ en-GB: \"Call", "messages.yaml line 3, column 21: a text with locale variants needs a 'default' entry")]
    [InlineData(ContentFileNames.HazardLog, "  - id: HAZ-NEURO\n    name:", "  - name:", "hazard-log.yaml line 42, column 10: missing required field(s) 'id'")]
    [InlineData(ContentFileNames.RedFlags, "[ [ \"kill myself\", suicidal ] ]", "[ \"kill myself\" ]", "red-flags.yaml line 17, column 11: expected a list [ ... ] here, found a single value")]
    [InlineData(ContentFileNames.Context, "  answers: [ no ]", "  answer: [ no ]", "context.yaml line 10, column 3: unknown field 'answer'")]
    [InlineData(ContentFileNames.Context, "\nquestion:", "\nquestions:", "context.yaml line 34, column 1: unknown field 'questions'")]
    public void Load_MalformedFile_ReportsWhereAndWhat(string file, string find, string replace, string expected)
    {
        using var fixture = ContentFixture.With(file, find, replace);

        var error = Assert.Throws<ContentLoadException>(fixture.Load);

        Assert.Equal([expected], error.Errors);
    }

    [Fact]
    public void Load_MissingFile_ReportsIt()
    {
        using var fixture = ContentFixture.Without(ContentFileNames.Prompts);

        var error = Assert.Throws<ContentLoadException>(fixture.Load);

        var line = Assert.Single(error.Errors);
        Assert.StartsWith("prompts.yaml: file not found", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoContextRules_ReportsIt()
    {
        using var fixture = ContentFixture.Without(ContentFileNames.Context);

        var error = Assert.Throws<ContentLoadException>(fixture.Load);

        Assert.StartsWith("context.yaml: file not found", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralBrokenFiles_ReportsEveryOne()
    {
        using var fixture = ContentFixture.With(ContentFileNames.HazardLog, "hazards:", "hazard:");
        File.WriteAllText(Path.Combine(fixture.Directory, ContentFileNames.Manifest), "version: [");

        var error = Assert.Throws<ContentLoadException>(fixture.Load);

        Assert.Equal(2, error.Errors.Count);
        Assert.StartsWith("manifest.yaml line", error.Errors[0], StringComparison.Ordinal);
        Assert.Equal("hazard-log.yaml line 1, column 1: unknown field 'hazard'", error.Errors[1]);
        Assert.Contains("2 error(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoGoldenFile_LoadsAndLeavesItToTheValidator()
    {
        using var fixture = ContentFixture.Without(ContentFileNames.Golden);

        var errors = ContentValidator.Validate(fixture.Load(), ContentFixture.Requirements);

        Assert.Contains("golden/red-flag-utterances.yaml: missing or empty (every red-flag rule needs golden phrasings)", errors);
    }
}
