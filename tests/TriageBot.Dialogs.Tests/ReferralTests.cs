using TriageBot.Runtime.Referrals;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>The referral: card and typed paths, consent, validation, storage with encrypted contact details.</summary>
public sealed class ReferralTests
{
    [Fact]
    public async Task CardChannel_ShowsAnAdaptiveCard14Form()
    {
        var chat = await AtReferralOfferAsync(Schema.ChannelIds.WebChat);

        var replies = await chat.SayAsync("yes");

        var card = Assert.Single(replies.SelectMany(r => r.Attachments ?? []));
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        Assert.Equal("1.4", card.Content!.Value.GetProperty("version").GetString());
    }

    [Fact]
    public async Task CardSubmitted_WithConsent_StoresTheReferralAndGivesAReference()
    {
        var chat = await AtReferralOfferAsync(Schema.ChannelIds.WebChat);
        await chat.SayAsync("yes");

        var replies = await chat.SubmitAsync(new { kind = "triage.referral", name = "Pat Doe", contact = "pat@example.org", time = "morning", consent = "true" });

        var referral = await SingleReferralAsync(chat, replies);
        Assert.Equal("routine", referral.Disposition);
        Assert.Equal(Catalog.Version, referral.ContentVersion);
        Assert.DoesNotContain("pat@example.org", referral.ProtectedContact, StringComparison.Ordinal);
        Assert.DoesNotContain("Pat Doe", referral.SummaryJson, StringComparison.Ordinal);
        Assert.Contains("lower-back", referral.SummaryJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedPath_AsksEachDetail_RejectsABadContact_AndNeedsExplicitConsent()
    {
        var chat = await AtReferralOfferAsync("sms");

        Assert.Equal([chat.Q("prompt.referral.name")], Texts(await chat.SayAsync("yes")));
        Assert.Equal([chat.Q("prompt.referral.contact")], Texts(await chat.SayAsync("Pat Doe")));
        Assert.Equal([Catalog.Prompt("prompt.referral.contact", chat.Locale).Retry!], Texts(await chat.SayAsync("call me maybe")));
        // An unknown channel gets the choices as a numbered list under the question.
        Assert.StartsWith(chat.Q("prompt.referral.time"), Texts(await chat.SayAsync("07700 900123"))[0], StringComparison.Ordinal);
        Assert.StartsWith(chat.Q("prompt.referral.consent"), Texts(await chat.SayAsync(chat.Title("prompt.referral.time", "afternoon")))[0], StringComparison.Ordinal);

        var replies = await chat.SayAsync("yes");

        await SingleReferralAsync(chat, replies);
    }

    [Fact]
    public async Task TypedPath_ConsentRefused_StoresNothing()
    {
        var chat = await AtReferralOfferAsync("sms");
        await chat.SayAsync("yes");
        await chat.SayAsync("Pat Doe");
        await chat.SayAsync("pat@example.org");
        await chat.SayAsync(chat.Title("prompt.referral.time", "any"));

        var texts = Texts(await chat.SayAsync("no"));

        Assert.Equal(chat.T("referral.no-consent"), texts[0]);
        Assert.Equal(0, await chat.Referrals.DeleteBySubjectAsync(SubjectOf(chat), CancellationToken.None));
    }

    [Fact]
    public async Task CardWithoutConsentTicked_AsksForConsentByTyping()
    {
        var chat = await AtReferralOfferAsync(Schema.ChannelIds.WebChat);
        await chat.SayAsync("yes");

        var texts = Texts(await chat.SubmitAsync(new { kind = "triage.referral", name = "Pat", contact = "+44 7700 900123", time = "evening", consent = "false" }));

        Assert.Equal(chat.Q("prompt.referral.consent"), texts[^1]);
    }

    [Fact]
    public async Task PersonTypesInsteadOfUsingTheCard_GetsTheTypedQuestions()
    {
        var chat = await AtReferralOfferAsync(Schema.ChannelIds.WebChat);
        await chat.SayAsync("yes");

        Assert.Equal([chat.Q("prompt.referral.name")], Texts(await chat.SayAsync("I'd rather type")));
    }

    [Fact]
    public async Task Summary_CarriesTheReferenceNumber()
    {
        var chat = await AtReferralOfferAsync(Schema.ChannelIds.WebChat);
        await chat.SayAsync("yes");

        var replies = await chat.SubmitAsync(new { kind = "triage.referral", name = "Pat", contact = "pat@example.org", time = "any", consent = "true" });

        var referral = await SingleReferralAsync(chat, replies);
        Assert.Contains(Texts(replies), t => t.StartsWith(chat.T("summary.title"), StringComparison.Ordinal) && t.Contains(referral.Reference, StringComparison.Ordinal));
    }

    internal static async Task<TriageChat> AtReferralOfferAsync(string channelId, TriageChat? chat = null)
    {
        chat ??= new TriageChat(channelId: channelId);
        await chat.StartAndScreenAsync();
        await chat.PainAsync(spread: "one-leg", duration: "4 months");
        await chat.NoNumbnessAsync();
        await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));
        await chat.SayAsync(chat.Title("prompt.education.menu", "done"));
        return chat;
    }

    internal static async Task<ReferralRecord> SingleReferralAsync(TriageChat chat, IReadOnlyList<Schema.Activity> replies)
    {
        var saved = Texts(replies).Single(t => t.StartsWith(chat.T("referral.saved", ("reference", "TB-")).Split("TB-")[0], StringComparison.Ordinal));
        var reference = System.Text.RegularExpressions.Regex.Match(saved, "TB-[A-Z0-9]{8}").Value;
        var referral = await chat.Referrals.FindAsync(reference, CancellationToken.None);
        Assert.NotNull(referral);
        return referral;
    }

    private static string SubjectOf(TriageChat chat) =>
        Runtime.State.StateKeyHash.Compute($"{chat.Chat.ChannelId}/users/{chat.Chat.User.Id}");

}
