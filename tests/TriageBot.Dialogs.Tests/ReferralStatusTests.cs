using System.Text.RegularExpressions;
using TriageBot.Runtime.Referrals;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// After asking the clinic to get in touch, the person can ask "what happened to my request?" in the same chat, in
/// plain words, at any time: the bot answers from the stored referral (and its delivery), quoting the reference.
/// When the clinic configured no destination, the bot never claims the request reached anyone.
/// </summary>
public sealed partial class ReferralStatusTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task AskingAfterTheReferral_FollowsItFromOnItsWay_ToReachedTheClinic_ToSeen_ToContacted()
    {
        var (chat, reference) = await ReferredAsync(new TriageChat(channelId: "sms"));
        var outbox = (IReferralOutbox)chat.Referrals;

        Assert.Equal([chat.T("referral.status.sending", ("reference", reference))], Texts(await chat.SayAsync("What happened to my request?")));

        var claimed = Assert.Single(await outbox.ClaimDueAsync(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), 10, Ct));
        await outbox.MarkDeliveredAsync(claimed, DateTimeOffset.UtcNow, Ct);
        Assert.Equal([chat.T("referral.status.waiting", ("reference", reference))], Texts(await chat.SayAsync("status")));

        await chat.Referrals.SetStatusAsync(reference, ReferralStatuses.Seen, Ct);
        Assert.Equal([chat.T("referral.status.seen", ("reference", reference))], Texts(await chat.SayAsync("Any news on my referral?")));

        await chat.Referrals.SetStatusAsync(reference, ReferralStatuses.Contacted, Ct);
        Assert.Equal([chat.T("referral.status.contacted", ("reference", reference))], Texts(await chat.SayAsync("did the clinic get my request")));
    }

    [Fact]
    public async Task AskingBeforeAnyReferral_SaysThereIsNoneInThisChat()
    {
        var chat = new TriageChat(channelId: "sms");
        await chat.SayAsync("hello");

        var texts = Texts(await chat.SayAsync("what happened to my request"));

        Assert.Equal(chat.T("referral.status.none"), texts[0]);
    }

    [Fact]
    public async Task AskingInTheMiddleOfANewTriage_AnswersThenAsksTheOpenQuestionAgain()
    {
        var (chat, reference) = await ReferredAsync(new TriageChat(channelId: "sms"));
        await chat.SayAsync("start over");

        var texts = Texts(await chat.SayAsync("status"));

        Assert.Equal(chat.T("referral.status.sending", ("reference", reference)), texts[0]);
        Assert.True(texts.Count > 1, "The open question was not asked again:\n" + chat.Transcript());
    }

    [Fact]
    public async Task WithNoDestinationConfigured_TheReferralIsStored_ButTheBotNeverSaysSent_AndStatusSaysCallTheClinic()
    {
        var (chat, reference) = await ReferredAsync(new TriageChat(channelId: "sms", routes: ReferralRoutes.None));

        Assert.NotNull(await chat.Referrals.FindAsync(reference, Ct));
        Assert.DoesNotContain(chat.Turns.SelectMany(t => t.Bot), t => t.StartsWith(SentPrefix(chat), StringComparison.Ordinal));
        var notSentLine = chat.T("summary.referral-not-sent", ("reference", reference));
        Assert.Contains(chat.Turns.SelectMany(t => t.Bot), t => t.Contains(notSentLine, StringComparison.Ordinal));
        Assert.Equal([chat.T("referral.status.not-sent", ("reference", reference))], Texts(await chat.SayAsync("any news")));
    }

    [Fact]
    public async Task AReferralDeletedWithMyData_IsNotClaimedToBeWaiting()
    {
        var (chat, reference) = await ReferredAsync(new TriageChat(channelId: "sms"));
        var stored = await chat.Referrals.FindAsync(reference, Ct);
        await chat.Referrals.DeleteBySubjectAsync(stored!.SubjectHash, Ct);

        Assert.Equal([chat.T("referral.status.gone", ("reference", reference))], Texts(await chat.SayAsync("status")));
    }

    /// <summary>Through the triage to a confirmed referral, typed; the reference the bot gave.</summary>
    internal static async Task<(TriageChat Chat, string Reference)> ReferredAsync(TriageChat chat)
    {
        await ReferralTests.AtReferralOfferAsync("sms", chat);
        await chat.SayAsync("yes");
        await chat.SayAsync("Pat Doe");
        await chat.SayAsync("pat@example.org");
        await chat.SayAsync(chat.Title("prompt.referral.time", "any"));
        var texts = Texts(await chat.SayAsync("yes"));
        var reference = texts.Select(t => Reference().Match(t)).First(m => m.Success).Value;
        return (chat, reference);
    }

    private static string SentPrefix(TriageChat chat) => chat.T("referral.saved", ("reference", "TB-")).Split("TB-")[0];

    [GeneratedRegex("TB-[A-Z0-9]{8}")]
    private static partial Regex Reference();
}
