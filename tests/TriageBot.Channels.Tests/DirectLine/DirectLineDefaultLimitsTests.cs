using System.Net;
using System.Text.Json;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>What a service with nothing configured allows: small activities, no uploads (and the page is told so).</summary>
public sealed class DirectLineDefaultLimitsTests : DirectLineTest
{
    [Fact]
    public async Task Activity_Above32KiB_Refused413_BelowItAccepted()
    {
        var conversation = await Client.StartWithTokenAsync();

        var tooBig = await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage(new string('x', 33 * 1024), "c1"));
        var fine = await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage(new string('x', 16 * 1024), "c2"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.Status);
        Assert.Equal("MessageSizeTooBig", tooBig.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, fine.Status);
    }

    [Fact]
    public async Task Upload_ByDefault_Refused403AndNothingReachesTheBot()
    {
        var conversation = await Client.StartWithTokenAsync();
        using var form = Uploads.Form(Uploads.Activity("c-up", ("a.txt", "text/plain", 2)), ("a.txt", "text/plain", "hi"u8.ToArray()));

        var answer = await Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Root}/conversations/{conversation.ConversationId}/upload", conversation.Token, form);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Forbidden", answer.ErrorCode);
        Assert.DoesNotContain(Bot.Received, a => a.Type == "message");
    }

    [Fact]
    public async Task PageConfig_ByDefault_SaysUploadsAreOff()
    {
        using var config = JsonDocument.Parse(await Client.Http.GetStringAsync(new Uri("/api/chat/config", UriKind.Relative)));

        Assert.False(config.RootElement.GetProperty("uploadsEnabled").GetBoolean());
    }
}
