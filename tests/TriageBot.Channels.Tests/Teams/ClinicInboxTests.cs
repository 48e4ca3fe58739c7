using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Content;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Testing.Teams;
using static TriageBot.Channels.Tests.Teams.ClinicInboxHost;

namespace TriageBot.Channels.Tests.Teams;

/// <summary>
/// The clinic's Teams channel as its inbox, end to end over real HTTP: the bot posts each referral card once into the
/// channel with its own token, and staff act on it with real Teams invokes signed by the channel.
/// </summary>
public sealed class ClinicInboxTests
{
    [Fact]
    public async Task ReferralDeliveredTwice_IsPostedInTheChannelOnce_WithTheBotsToken()
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-2345ABCD");

        await clinic.DeliverAsync(referral);
        await clinic.DeliverAsync(referral, attempt: 2);
        await Task.WhenAll(clinic.DeliverAsync(referral, attempt: 3), clinic.DeliverAsync(referral, attempt: 3));

        var post = Assert.Single(clinic.Teams.Created);
        Assert.Equal(FakeTeamsConnector.ChannelId, post.ChannelId);
        Assert.Equal(FakeTeamsConnector.TenantId, post.TenantId);
        Assert.Empty(clinic.Teams.RefusedCalls);
        Assert.Equal(1, clinic.Identity.TokenRequests);
        var card = post.Card.ToJsonString();
        Assert.Contains("TB-2345ABCD", card, StringComparison.Ordinal);
        Assert.Contains("See someone today", card, StringComparison.Ordinal);
        Assert.Contains("new or worsening weakness or numbness", card, StringComparison.Ordinal);
        Assert.Contains("50 to 69", card, StringComparison.Ordinal);
        Assert.Contains("Morning", card, StringComparison.Ordinal);
        Assert.Contains("Lower back", card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(PatientName, card, StringComparison.Ordinal);
        Assert.DoesNotContain(PatientContact, card, StringComparison.Ordinal);
        Assert.Equal("1.5", post.Card["version"]!.GetValue<string>());
        var audit = await clinic.Inbox.ListAuditAsync(referral.Reference, CancellationToken.None);
        Assert.Equal([ClinicActions.Posting, ClinicActions.Posted], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task ChannelThrottles_DeliveryFailsWithItsRetryAfter_ThenTheRetryPostsOnce()
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-3456BCDE");
        clinic.Teams.ThrottleNext(1, retryAfterSeconds: 7);

        var throttled = await Assert.ThrowsAsync<ReferralDeliveryException>(() => clinic.DeliverAsync(referral));
        await clinic.DeliverAsync(referral, attempt: 2);

        Assert.Equal("throttled", throttled.Reason);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.RetryAfter);
        Assert.False(throttled.Permanent);
        Assert.Equal(["throttled"], clinic.Teams.RefusedCalls);
        var post = Assert.Single(clinic.Teams.Created);

        // A 429 is Teams saying it created nothing: the retry is not marked as a possible repeat.
        Assert.DoesNotContain(PossibleRepeatLine(clinic, referral.Reference), post.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(
            [ClinicActions.Posting, ClinicActions.PostRefused, ClinicActions.Posting, ClinicActions.Posted],
            (await clinic.Inbox.ListAuditAsync(referral.Reference, CancellationToken.None)).Select(a => a.Action));
    }

    [Fact]
    public async Task TeamsCreatesTheThreadButTheAnswerIsLost_TheRetryPostsAgainMarkedAsAPossibleRepeat_AndNeverAThirdTime()
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-3456BCDF");
        clinic.Teams.FailAfterCreatingNext(1);

        var lost = await Assert.ThrowsAsync<ReferralDeliveryException>(() => clinic.DeliverAsync(referral));
        await clinic.DeliverAsync(referral, attempt: 2);
        await clinic.DeliverAsync(referral, attempt: 3);

        Assert.Equal(("status-502", false), (lost.Reason, lost.Permanent));
        Assert.Equal(2, clinic.Teams.Created.Count);
        var (first, second) = (clinic.Teams.Created[0].Card, clinic.Teams.Created[1].Card);
        var warning = PossibleRepeatLine(clinic, referral.Reference);
        Assert.DoesNotContain(warning, first.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(warning, second["body"]![1]!["text"]!.GetValue<string>());
        Assert.Equal("Attention", second["body"]![1]!["color"]!.GetValue<string>());
        Assert.Equal(clinic.Teams.Created[1].ActivityId, (await clinic.Inbox.FindPostByReferenceAsync(referral.Reference, CancellationToken.None))!.ActivityId);
        Assert.Equal(
            [ClinicActions.Posting, ClinicActions.Posting, ClinicActions.Posted],
            (await clinic.Inbox.ListAuditAsync(referral.Reference, CancellationToken.None)).Select(a => a.Action));
    }

    [Fact]
    public async Task AProcessThatDiedAfterStartingToPost_LeavesThePostingMark_AndTheNextDeliveryIsMarkedAsAPossibleRepeat()
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-3456BCDG");

        // What a process killed between Teams' answer and recording it leaves behind: the attempt, and nothing after.
        await clinic.Inbox.AppendAuditAsync(
            new ClinicAuditEntry(referral.Reference, ClinicActions.Posting, "triagebot", null, DateTimeOffset.UtcNow), CancellationToken.None);
        await clinic.DeliverAsync(referral, attempt: 2);

        var post = Assert.Single(clinic.Teams.Created);
        Assert.Equal(PossibleRepeatLine(clinic, referral.Reference), post.Card["body"]![1]!["text"]!.GetValue<string>());
        Assert.Single(clinic.Bot.Logs.WithEvent("ClinicCardMayRepeat"));
    }

    [Fact]
    public async Task SomeoneNotOnTheStaffList_ClicksClaim_GetsAPoliteRefusal_AndNothingChanges()
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-4567CDEF");
        await clinic.DeliverAsync(referral);
        var post = clinic.Teams.Created[0];

        var mallory = await clinic.ClickAsync(post, Mallory, "Claim", referral.Reference);
        var outsider = await clinic.ClickAsync(post, Outsider, "MarkContacted", referral.Reference);
        var contact = await clinic.ClickAsync(post, Mallory, "ShowContact", referral.Reference);

        foreach (var answer in new[] { mallory, outsider, contact })
        {
            Assert.Equal(200, answer.Status);
            var card = answer.Card.ToJsonString();
            Assert.Contains("only Northgate Spine Clinic staff", card, StringComparison.Ordinal);
            Assert.DoesNotContain(referral.Reference, card, StringComparison.Ordinal);
            Assert.DoesNotContain(PatientName, card, StringComparison.Ordinal);
        }

        Assert.Equal(ReferralStatuses.Waiting, (await clinic.Referrals.FindAsync(referral.Reference, CancellationToken.None))!.Status);
        Assert.Equal([ClinicActions.Posting, ClinicActions.Posted], (await clinic.Inbox.ListAuditAsync(referral.Reference, CancellationToken.None)).Select(a => a.Action));
        Assert.Empty(clinic.Teams.Updates);
    }

    [Fact]
    public async Task ShowContact_ShowsTheDetailsToTheClickerOnly_AndOthersRefreshToTheSharedCard()
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-5678DEFG");
        await clinic.DeliverAsync(referral);
        var post = clinic.Teams.Created[0];

        var alice = await clinic.ClickAsync(post, Alice, "ShowContact", referral.Reference);
        var bob = await clinic.ClickAsync(post, Bob, "refresh", referral.Reference, trigger: "automatic");

        var aliceCard = alice.Card;
        Assert.Contains(PatientName, aliceCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(PatientContact, aliceCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal([Alice.TeamsId], aliceCard["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal("ShowContact", aliceCard["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.DoesNotContain(PatientName, bob.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PatientContact, bob.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(bob.Card["refresh"]!["userIds"]!.AsArray());

        // Nothing is put in front of everyone, and the card everyone has never held the details.
        Assert.Empty(clinic.Teams.Updates);
        Assert.DoesNotContain(PatientName, post.Card.ToJsonString(), StringComparison.Ordinal);
        var audit = await clinic.Inbox.ListAuditAsync(referral.Reference, CancellationToken.None);
        var shown = Assert.Single(audit, a => a.Action == ClinicActions.ShowContact);
        Assert.Equal(Alice.AadObjectId, shown.ActorAadObjectId);
        Assert.DoesNotContain(PatientName, clinic.Bot.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(PatientContact, clinic.Bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimThenMarkContacted_MovesTheStatus_UpdatesTheCardForEveryone_AndIsAudited()
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-6789EFGH");
        await clinic.DeliverAsync(referral);
        var post = clinic.Teams.Created[0];

        var claimed = await clinic.ClickAsync(post, Alice, "Claim", referral.Reference);
        Assert.Equal(ReferralStatuses.Seen, (await clinic.Referrals.FindAsync(referral.Reference, CancellationToken.None))!.Status);
        var contacted = await clinic.ClickAsync(post, Bob, "MarkContacted", referral.Reference);

        Assert.Equal(ReferralStatuses.Contacted, (await clinic.Referrals.FindAsync(referral.Reference, CancellationToken.None))!.Status);
        Assert.Contains("Alice Nurse", claimed.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, clinic.Teams.Updates.Count);
        var latest = clinic.Teams.Updates[^1];
        Assert.Equal((post.ConversationId, post.ActivityId), (latest.ConversationId, latest.ActivityId));
        Assert.Equal(contacted.Card.ToJsonString(), latest.Card.ToJsonString());
        Assert.Contains("\"Contacted\"", latest.Card.ToJsonString(), StringComparison.Ordinal);
        var verbs = latest.Card["actions"]!.AsArray().Select(a => a!["verb"]?.GetValue<string>()).ToList();
        Assert.DoesNotContain("MarkContacted", verbs);
        Assert.DoesNotContain("Claim", verbs);

        var audit = await clinic.Inbox.ListAuditAsync(referral.Reference, CancellationToken.None);
        Assert.Equal(
            [(ClinicActions.Posting, "triagebot"), (ClinicActions.Posted, "triagebot"), (ClinicActions.Claim, Alice.AadObjectId), (ClinicActions.MarkContacted, Bob.AadObjectId)],
            audit.Select(a => (a.Action, a.ActorAadObjectId)));
        Assert.All(audit, a => Assert.Equal(referral.Reference, a.Reference));
    }

    [Fact]
    public async Task AddNote_StoresItEncrypted_CountsItOnTheCard_AndLogsNoText()
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-789AFGHJ");
        await clinic.DeliverAsync(referral);
        const string Note = "Called once, no answer; try after 10";

        var answer = await clinic.ClickAsync(clinic.Teams.Created[0], Alice, "AddNote", referral.Reference, note: Note);

        var note = Assert.Single(await clinic.Inbox.ListNotesAsync(referral.Reference, CancellationToken.None));
        Assert.NotEqual(Note, note.ProtectedText);
        Assert.Equal(Note, clinic.Protector.Unprotect(note.ProtectedText));
        Assert.Contains("Staff notes", answer.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(clinic.Teams.Updates);
        Assert.Contains(ClinicActions.AddNote, (await clinic.Inbox.ListAuditAsync(referral.Reference, CancellationToken.None)).Select(a => a.Action));
        Assert.DoesNotContain("no answer", clinic.Bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"Claim"}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"Claim","data":{"reference":""}}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"Delete","data":{"reference":"TB-89ABGHJK"}}}""")]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"Claim","data":{"reference":"TB-89ABGHJK"}}}""")]
    [InlineData("""{"trigger":"manual"}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"Claim","data":{"reference":"TB-ZZZZZZZZ"}}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"AddNote","data":{"reference":"TB-89ABGHJK","note":"   "}}}""")]
    public async Task MalformedInvoke_Gets400_AndChangesNothing(string value)
    {
        await using var clinic = await StartAsync();
        var referral = await clinic.StoreReferralAsync("TB-89ABGHJK");
        await clinic.DeliverAsync(referral);
        var post = clinic.Teams.Created[0];
        var click = JsonNode.Parse((await RecordClickAsync(clinic, post)).ToJsonString())!.AsObject();
        click["value"] = JsonNode.Parse(value);

        var answer = await clinic.Teams.SendInvokeAsync(clinic.Bot.MessagesUrl, AppId, click.ToJsonString());

        Assert.Equal(400, answer.Status);
        Assert.Equal(400, answer.Body!["statusCode"]!.GetValue<int>());
        Assert.Equal(ReferralStatuses.Waiting, (await clinic.Referrals.FindAsync(referral.Reference, CancellationToken.None))!.Status);
        Assert.Equal([ClinicActions.Posting, ClinicActions.Posted], (await clinic.Inbox.ListAuditAsync(referral.Reference, CancellationToken.None)).Select(a => a.Action));
        Assert.Empty(await clinic.Inbox.ListNotesAsync(referral.Reference, CancellationToken.None));
        Assert.Empty(clinic.Teams.Updates);
    }

    [Fact]
    public async Task StaffInPersonalChat_ListsOpenReferralsNewestFirst_PageByPage_AndOpensOne()
    {
        await using var clinic = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        await clinic.StoreReferralAsync("TB-22222222", now.AddHours(-3));
        await clinic.StoreReferralAsync("TB-33333333", now.AddHours(-2));
        await clinic.StoreReferralAsync("TB-44444444", now.AddHours(-1));
        var closed = await clinic.StoreReferralAsync("TB-55555555", now);
        await clinic.Referrals.SetStatusAsync(closed.Reference, ReferralStatuses.Contacted, CancellationToken.None);

        await clinic.Teams.SayInPersonalChatAsync(clinic.Bot.MessagesUrl, AppId, Alice, "referrals");
        await clinic.Teams.SayInPersonalChatAsync(clinic.Bot.MessagesUrl, AppId, Alice, "referrals 2");
        await clinic.Teams.SayInPersonalChatAsync(clinic.Bot.MessagesUrl, AppId, Alice, "referral tb-33333333");

        var replies = clinic.Teams.Replies;
        Assert.Equal(3, replies.Count);
        var first = replies[0]["text"]!.GetValue<string>();
        Assert.True(first.IndexOf("TB-44444444", StringComparison.Ordinal) < first.IndexOf("TB-33333333", StringComparison.Ordinal), first);
        Assert.DoesNotContain("TB-22222222", first, StringComparison.Ordinal);
        Assert.DoesNotContain("TB-55555555", first, StringComparison.Ordinal);
        Assert.Contains("referrals 2", first, StringComparison.Ordinal);
        var second = replies[1]["text"]!.GetValue<string>();
        Assert.Contains("TB-22222222", second, StringComparison.Ordinal);
        Assert.DoesNotContain("referrals 3", second, StringComparison.Ordinal);
        var card = (JsonObject)replies[2]["attachments"]![0]!["content"]!;
        Assert.Contains("TB-33333333", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PatientName, card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneNotOnTheStaffList_TypingReferrals_GetsTheNormalBot()
    {
        await using var clinic = await StartAsync();
        await clinic.StoreReferralAsync("TB-66666666");

        await clinic.Teams.SayInPersonalChatAsync(clinic.Bot.MessagesUrl, AppId, Mallory, "referrals");

        Assert.NotEmpty(clinic.Teams.Replies);
        Assert.DoesNotContain(clinic.Teams.Replies, r => r.ToJsonString().Contains("TB-66666666", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamMember_NotOnTheList_MayActWhenMembershipIsChecked()
    {
        await using var clinic = await StartAsync(new Dictionary<string, string?> { ["Clinic:Teams:CheckChannelMembership"] = "true" });
        var referral = await clinic.StoreReferralAsync("TB-77777777");
        await clinic.DeliverAsync(referral);
        var carol = new StaffMember("29:carol", "0b6a3c1e-4444-4a2b-8c3d-4e5f6a7b8c9d", "Carol Admin");
        clinic.Teams.Members[carol.TeamsId] = carol.AadObjectId;

        var byMember = await clinic.ClickAsync(clinic.Teams.Created[0], carol, "Claim", referral.Reference);
        var byStranger = await clinic.ClickAsync(clinic.Teams.Created[0], Mallory, "MarkContacted", referral.Reference);

        Assert.Contains("Carol Admin", byMember.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("only Northgate Spine Clinic staff", byStranger.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(ReferralStatuses.Seen, (await clinic.Referrals.FindAsync(referral.Reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task BotInstalledInTheClinicsTeam_CapturesTheChannel_AndReferralsGoThere()
    {
        await using var clinic = await StartAsync(new Dictionary<string, string?>
        {
            ["Clinic:Teams:ServiceUrl"] = "",
            ["Clinic:Teams:TeamId"] = "",
            ["Clinic:Teams:ChannelId"] = "",
        });
        var referral = await clinic.StoreReferralAsync("TB-88888888");
        var beforeInstall = await Assert.ThrowsAsync<ReferralDeliveryException>(() => clinic.DeliverAsync(referral));

        await clinic.Teams.InstallInTeamAsync(clinic.Bot.MessagesUrl, AppId, tenantId: Outsider.TenantId);
        var otherTenantOnly = await Assert.ThrowsAsync<ReferralDeliveryException>(() => clinic.DeliverAsync(referral));
        await clinic.Teams.InstallInTeamAsync(clinic.Bot.MessagesUrl, AppId);
        await clinic.DeliverAsync(referral);

        Assert.Equal(("no-channel", false), (beforeInstall.Reason, beforeInstall.Permanent));
        Assert.Equal("no-channel", otherTenantOnly.Reason);
        var post = Assert.Single(clinic.Teams.Created);
        Assert.Equal((FakeTeamsConnector.TeamId, FakeTeamsConnector.TenantId), (post.ChannelId, post.TenantId));
    }

    [Theory]
    [InlineData("Clinic:Teams:TenantId", "not-a-tenant")]
    [InlineData("Clinic:Teams:StaffAadObjectIds:0", "alice@clinic.example")]
    [InlineData("Clinic:Teams:ChannelId", "")]
    public async Task ClinicInboxSettingsThatCannotWork_StopTheHostAtStartup(string key, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains("Clinic:Teams", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The warning a card carries when it may repeat one already in the channel.</summary>
    private static string PossibleRepeatLine(ClinicInboxHost clinic, string reference) =>
        clinic.Bot.Services.GetRequiredService<IContentCatalog>()
            .Text("clinic.card.possible-repeat", "en-GB", new Dictionary<string, string> { ["reference"] = reference });

    /// <summary>A click as Teams shapes it, to break in one place.</summary>
    private static Task<JsonObject> RecordClickAsync(ClinicInboxHost clinic, CreatedConversation post)
    {
        var who = Alice;
        return Task.FromResult(new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = "f:malformed",
            ["serviceUrl"] = clinic.Teams.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = who.TeamsId, ["name"] = who.Name, ["aadObjectId"] = who.AadObjectId },
            ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = who.TenantId, ["id"] = post.ConversationId },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = who.TenantId } },
        });
    }
}
