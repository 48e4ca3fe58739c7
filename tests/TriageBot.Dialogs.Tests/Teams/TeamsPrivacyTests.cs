using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.State;
using TriageBot.Schema;
using TriageBot.Testing.Teams;

namespace TriageBot.Dialogs.Tests.Teams;

/// <summary>
/// Teams over real HTTP (channel tokens in, the bot's outbound token out, the fake Teams connector): the questions
/// never run where others can read them; they move to a private chat the bot opens itself.
/// </summary>
public sealed class TeamsPrivacyTests
{
    [Fact]
    public async Task StartingInAChannel_OpensAPrivateChat_WhereTheFirstQuestionArrives_AndTheChannelHearsOnlyTheNeutralLine()
    {
        await using var rig = await TeamsRig.StartAsync(TeamsRig.ClinicTenant);
        var pat = rig.Member();

        var response = await pat.SaysAsync(pat.Channel, "start");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = Assert.Single(rig.Connector.CreatedConversations);
        Assert.Equal(pat.User.Id, created["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(pat.Bot.Id, created["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsRig.ClinicTenant, created["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.False(created["isGroup"]!.GetValue<bool>());
        Assert.Empty(rig.Connector.RefusedTokens);

        var privately = rig.Connector.Texts(pat.Personal.Id!);
        Assert.Equal(rig.Text("welcome.intro"), privately[0]);
        Assert.Equal(rig.Content.Prompt("prompt.consent", "en-GB").Text, privately[^1]);
        Assert.Equal([rig.Text("teams.private-chat.sent")], rig.Connector.Texts(pat.Channel.Id!));
    }

    [Fact]
    public async Task AnswersInThePrivateChat_CarryOnFromTheFirstQuestion_AndNeverReachTheChannel()
    {
        await using var rig = await TeamsRig.StartAsync(TeamsRig.ClinicTenant);
        var pat = rig.Member();
        await pat.SaysAsync(pat.Channel, "my back hurts");

        await pat.SaysAsync(pat.Personal, "yes");

        Assert.Equal(rig.Content.Prompt("prompt.screen.age", "en-GB").Text, rig.Connector.Texts(pat.Personal.Id!)[^1]);
        Assert.Equal([rig.Text("teams.private-chat.sent")], rig.Connector.Texts(pat.Channel.Id!));
    }

    [Fact]
    public async Task RedFlagTypedInAGroupChat_GetsTheGeneralEmergencyAdviceThere_WithoutItsWords_AndTheQuestionsGoPrivate()
    {
        await using var rig = await TeamsRig.StartAsync(TeamsRig.ClinicTenant);
        var pat = rig.Member();

        await pat.SaysAsync(pat.GroupChat, "I've wet myself and can't feel my bum");

        var inGroup = rig.Connector.Texts(pat.GroupChat.Id!);
        Assert.Equal([rig.Text("teams.group-safety"), rig.Text("teams.private-chat.sent")], inGroup);
        Assert.All(inGroup, text => Assert.DoesNotContain("wet myself", text!, StringComparison.OrdinalIgnoreCase));
        Assert.Single(rig.Connector.CreatedConversations);
    }

    [Fact]
    public async Task HelpInAGroupChat_IsAnsweredInTheGroup_AndOpensNoPrivateChat()
    {
        await using var rig = await TeamsRig.StartAsync(TeamsRig.ClinicTenant);
        var pat = rig.Member();

        await pat.SaysAsync(pat.GroupChat, "help");

        Assert.Equal([rig.Text("help.text")], rig.Connector.Texts(pat.GroupChat.Id!));
        Assert.Empty(rig.Connector.CreatedConversations);
    }

    [Fact]
    public async Task InformationInAChannel_IsACardOfGeneralTopics_AndATappedTopicIsAnsweredThere()
    {
        await using var rig = await TeamsRig.StartAsync(TeamsRig.ClinicTenant);
        var pat = rig.Member();

        await pat.SaysAsync(pat.Channel, "information");
        var card = Assert.Single(rig.Connector.Messages(pat.Channel.Id!)).Attachments!.Single();
        var firstTopic = card.Content!.Value.GetProperty("buttons")[0].GetProperty("value").GetString()!;
        await pat.SaysAsync(pat.Channel, firstTopic);

        Assert.Equal(HeroCard.ContentType, card.ContentType);
        var topic = rig.Content.Education("en-GB").First(t => t.Title == firstTopic);
        Assert.Equal(topic.Text, rig.Connector.Texts(pat.Channel.Id!)[1]);
        Assert.Empty(rig.Connector.CreatedConversations);
    }

    [Fact]
    public async Task WhenTeamsRefusesThePrivateChat_TheChannelIsToldHowToStartOne_AndNothingElse()
    {
        await using var rig = await TeamsRig.StartAsync(TeamsRig.ClinicTenant);
        rig.Connector.RefuseCreateConversation = true;
        var pat = rig.Member();

        var response = await pat.SaysAsync(pat.Channel, "start");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([rig.Text("teams.private-chat.unavailable")], rig.Connector.Texts(pat.Channel.Id!));
        Assert.Empty(rig.Connector.Texts(pat.Personal.Id!));
    }

    [Fact]
    public async Task AnotherTenant_IsRefusedPolitely_AndNothingIsStoredOrOpened()
    {
        await using var rig = await TeamsRig.StartAsync(TeamsRig.ClinicTenant);
        var stranger = rig.Member(TeamsRig.OtherTenant);

        await stranger.SaysAsync(stranger.Personal, "hello");
        await stranger.SaysAsync(stranger.Channel, "start");

        Assert.Equal([rig.Text("teams.tenant-refused")], rig.Connector.Texts(stranger.Personal.Id!));
        Assert.Equal([rig.Text("teams.tenant-refused")], rig.Connector.Texts(stranger.Channel.Id!));
        Assert.Empty(rig.Connector.CreatedConversations);
        var store = rig.Bot.Services.GetRequiredService<IStateStore>();
        foreach (var conversation in new[] { stranger.Personal.Id!, stranger.Channel.Id! })
        {
            var keys = StateKeys.For(new Activity { ChannelId = ChannelIds.MsTeams, Conversation = new() { Id = conversation }, From = stranger.User })!;
            Assert.Null(await store.ReadAsync(keys.Conversation, CancellationToken.None));
            Assert.Null(await store.ReadAsync(keys.User, CancellationToken.None));
            Assert.Null(await store.ReadAsync(keys.PrivateConversation, CancellationToken.None));
        }
    }

    [Fact]
    public async Task AddedToATeam_SaysAShortIntroOnce_AndNothingWhenRemoved()
    {
        await using var rig = await TeamsRig.StartAsync(TeamsRig.ClinicTenant);
        var admin = rig.Member();

        await admin.InstallsAsync(admin.Channel);
        await admin.AddsTheBotAsync(admin.Channel);
        await admin.RemovesAsync(admin.Channel);

        Assert.Equal([rig.Text("teams.intro")], rig.Connector.Texts(admin.Channel.Id!));
        Assert.Empty(rig.Connector.CreatedConversations);
    }

    [Fact]
    public async Task InstalledForOneself_WelcomesOnce_WithTheFirstQuestion()
    {
        await using var rig = await TeamsRig.StartAsync(TeamsRig.ClinicTenant);
        var pat = rig.Member();

        await pat.AddsTheBotAsync(pat.Personal);
        await pat.InstallsAsync(pat.Personal);

        var texts = rig.Connector.Texts(pat.Personal.Id!);
        Assert.Equal(rig.Text("welcome.intro"), texts[0]);
        Assert.Single(texts, t => t == rig.Text("welcome.intro"));
        Assert.Equal(rig.Content.Prompt("prompt.consent", "en-GB").Text, texts[^1]);
    }

    [Fact]
    public async Task AnAllowedTenantThatIsNotATenantId_StopsTheHost()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TeamsRig.StartAsync("northgate-spine.example"));

        Assert.Contains("Channels:Teams:AllowedTenants", error.ToString(), StringComparison.Ordinal);
    }
}
