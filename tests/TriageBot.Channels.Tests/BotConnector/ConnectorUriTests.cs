using TriageBot.Channels.BotConnector;
using TriageBot.Schema;

namespace TriageBot.Channels.Tests.BotConnector;

public sealed class ConnectorUriTests
{
    [Theory]
    [InlineData("http://localhost:56789", "abc|livechat", "abc|0000003", "http://localhost:56789/v3/conversations/abc%7Clivechat/activities/abc%7C0000003")]
    [InlineData("https://smba.trafficmanager.net/emea/", "19:x@thread.tacv2;messageid=1", null, "https://smba.trafficmanager.net/emea/v3/conversations/19%3Ax%40thread.tacv2%3Bmessageid%3D1/activities")]
    [InlineData("https://host/base", "a/b", "1", "https://host/base/v3/conversations/a%2Fb/activities/1")]
    public void ActivitiesUri_EscapesIdsAndJoinsWithOneSlash(string serviceUrl, string conversationId, string? replyToId, string expected)
    {
        var activity = new Activity
        {
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversationId },
            ReplyToId = replyToId,
        };

        Assert.Equal(expected, ConnectorClient.ActivitiesUri(activity).AbsoluteUri);
    }
}
