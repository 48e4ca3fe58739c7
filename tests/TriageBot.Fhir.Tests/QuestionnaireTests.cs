using Hl7.Fhir.Model;
using TriageBot.Fhir.Questionnaires;
using TriageBot.Fhir.Tests.Support;
using TriageBot.Testing.Fhir;

namespace TriageBot.Fhir.Tests;

/// <summary>The triage Questionnaire is generated from content, valid, published, and what every response answers.</summary>
public sealed class QuestionnaireTests
{
    private static readonly FhirCanonicals Canonicals = new(new FhirReferralOptions().CanonicalBase);

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void TriageQuestionnaire_ValidatesAgainstTheR4CoreProfiles(string locale)
    {
        var questionnaire = TriageQuestionnaire.Create(Referrals.Content, Canonicals, locale);

        var errors = CoreProfiles.Errors(questionnaire);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void EveryItem_IsAQuestionFromPromptsYaml_WithItsWordsAndChoices_VersionedByTheContent()
    {
        var content = Referrals.Content;
        var questionnaire = TriageQuestionnaire.Create(content, Canonicals, "en-GB");

        Assert.Equal(content.Version, questionnaire.Version);
        Assert.Equal("https://triagebot.example/fhir/Questionnaire/triage", questionnaire.Url);
        Assert.Equal(TriageItems.All.Count, questionnaire.Item.Count);
        foreach (var (item, definition) in questionnaire.Item.Zip(TriageItems.All))
        {
            var prompt = content.Prompt(definition.PromptKey, "en-GB");
            Assert.Equal(prompt.Text, item.Text);
            Assert.Equal(
                prompt.Choices.Select(c => ((string?)c.Id, (string?)c.Title)),
                item.AnswerOption.Select(o => (((Coding)o.Value).Code, ((Coding)o.Value).Display)));
        }
    }

    [Theory]
    [MemberData(nameof(ReferralBundleTests.LevelsAndLocales), MemberType = typeof(ReferralBundleTests))]
    public void EveryAnswer_IsToAQuestionOfTheQuestionnaire_AndOneOfItsOptions(string level, string locale)
    {
        var questionnaire = TriageQuestionnaire.Create(Referrals.Content, Canonicals, locale);
        var response = TestBundles.For(Referrals.Record(level), locale).Single<QuestionnaireResponse>();
        var items = questionnaire.Item.ToDictionary(i => i.LinkId ?? string.Empty);

        Assert.Equal($"{questionnaire.Url}|{questionnaire.Version}", response.Questionnaire);
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, response.Status);
        Assert.NotEmpty(response.Item);
        foreach (var answered in response.Item)
        {
            Assert.True(items.TryGetValue(answered.LinkId ?? string.Empty, out var asked), $"{answered.LinkId} is not a question of the Questionnaire.");
            Assert.Equal(asked.Text, answered.Text);
            Assert.True(answered.Answer.Count == 1 || asked.Repeats == true, $"{answered.LinkId} has several answers but does not repeat.");
            foreach (var answer in answered.Answer)
            {
                if (asked.Type == Questionnaire.QuestionnaireItemType.Decimal)
                {
                    Assert.IsType<FhirDecimal>(answer.Value);
                    continue;
                }

                var coding = Assert.IsType<Coding>(answer.Value);
                Assert.Contains(asked.AnswerOption, o => o.Value is Coding option && option.System == coding.System && option.Code == coding.Code && option.Display == coding.Display);
            }
        }
    }

    [Fact]
    public void TheAnswersOfARoutineReferral_AreTheOnesThePersonGave()
    {
        var response = TestBundles.For(Referrals.Record("routine")).Single<QuestionnaireResponse>();
        string Codes(string linkId) => string.Join(",", response.Item.Single(i => i.LinkId == linkId).Answer.Select(a => a.Value is Coding c ? c.Code : (a.Value as FhirDecimal)?.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("45-to-49", Codes("screen.age"));
        Assert.Equal("one-leg", Codes("pain.spread"));
        Assert.Equal("6", Codes("pain.score"));
        Assert.Equal("leg-foot", Codes("numbness.where"));
        Assert.Equal("painkillers,physio", Codes("treatments.pick"));
        Assert.Equal("morning", Codes("referral.time"));
        Assert.DoesNotContain(response.Item, i => i.LinkId == "screen.pregnancy");
    }

    [Fact]
    public void PublishedQuestionnaire_InDeploymentFhir_IsTheOneTheContentGenerates()
    {
        var questionnaire = TriageQuestionnaire.Create(Referrals.Content, Canonicals, "en-GB");

        PublishedFiles.AssertCurrent(RepoPaths.PublishedQuestionnaire, FhirJson.Serialize(questionnaire, indented: true));
    }

    [Fact]
    public void ExampleBundle_InTheRoomsExamples_IsValid_AndCurrent()
    {
        var bundle = TestBundles.For(Referrals.Record("urgent"));

        Assert.Empty(CoreProfiles.Errors(bundle));
        PublishedFiles.AssertCurrent(RepoPaths.ExampleBundle, FhirJson.Serialize(bundle, indented: true));
    }
}
