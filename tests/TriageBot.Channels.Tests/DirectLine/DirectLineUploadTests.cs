using System.Net;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>POST …/upload as Web Chat sends it, and the contentUrls the files get.</summary>
public sealed class DirectLineUploadTests : DirectLineTest
{
    private const int Limit = 2048;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly byte[] Text = "back pain diary"u8.ToArray();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:UploadsEnabled"] = "true",
        ["Channels:DirectLine:MaxUploadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Channels:DirectLine:MaxUploadParts"] = "3",
    };

    [Fact]
    public async Task Upload_ActivityAndTwoFiles_BotGetsAttachmentsWithFetchableContentUrls()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await UploadAsync(conversation, ("scan.png", "image/png", Png), ("diary.txt", "text/plain", Text));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var inbound = Bot.Received.Single(a => a.Type == ActivityTypes.Message);
        Assert.Equal(answer.Json.GetProperty("id").GetString(), inbound.Id);
        Assert.Collection(inbound.Attachments!,
            png =>
            {
                Assert.Equal("scan.png", png.Name);
                Assert.Equal("image/png", png.ContentType);
            },
            txt => Assert.Equal("diary.txt", txt.Name));
        Assert.Equal(Png, await Client.Http.GetByteArrayAsync(inbound.Attachments![0].ContentUrl));
        Assert.Equal(Text, await Client.Http.GetByteArrayAsync(inbound.Attachments![1].ContentUrl));
    }

    [Fact]
    public async Task Upload_EchoCarriesContentUrlsAndClientActivityId()
    {
        var conversation = await Client.StartWithTokenAsync();

        var id = (await UploadAsync(conversation, ("scan.png", "image/png", Png))).Json.GetProperty("id").GetString();

        var log = (await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Activities;
        var echo = log.Single(a => a.Id == id);
        Assert.Equal("c-up", echo.ChannelData?.GetProperty("clientActivityID").GetString());
        var attachment = Assert.Single(echo.Attachments!);
        Assert.StartsWith(Host.BaseAddress.ToString(), attachment.ContentUrl, StringComparison.Ordinal);
        Assert.Equal("Got 1 files", log[^1].Text);
        Assert.Equal(id, log[^1].ReplyToId);
    }

    [Fact]
    public async Task Upload_AboveLimit_Returns413AndNothingIsKept()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await UploadAsync(conversation, ("big.bin", "application/octet-stream", new byte[Limit + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("MessageSizeTooBig", answer.ErrorCode);
        Assert.DoesNotContain(Bot.Received, a => a.Type == ActivityTypes.Message);
        Assert.Single((await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Activities);
    }

    [Fact]
    public async Task Upload_FilesTogetherAboveLimit_Returns413()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await UploadAsync(conversation, ("a.bin", "application/octet-stream", new byte[Limit / 2]), ("b.bin", "application/octet-stream", new byte[Limit / 2]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
    }

    [Fact]
    public async Task Upload_MorePartsThanAllowed_Returns400AndNothingIsKept()
    {
        var conversation = await Client.StartWithTokenAsync();
        var files = new[] { ("a.txt", "text/plain", Text), ("b.txt", "text/plain", Text), ("c.txt", "text/plain", Text) };

        var answer = await UploadAsync(conversation, files);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("BadArgument", answer.ErrorCode);
        Assert.DoesNotContain(Bot.Received, a => a.Type == ActivityTypes.Message);
    }

    [Fact]
    public async Task Upload_PartHeaderTooLong_Returns400()
    {
        var conversation = await Client.StartWithTokenAsync();

        using var form = Uploads.Form(Uploads.Activity("c-up"), (new string('n', 3000) + ".txt", "text/plain", Text));

        var answer = await Client.SendAsync(HttpMethod.Post, UploadPath(conversation), conversation.Token, form);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.DoesNotContain(Bot.Received, a => a.Type == ActivityTypes.Message);
    }

    [Fact]
    public async Task PageConfig_UploadsOn_TellsThePage()
    {
        using var config = System.Text.Json.JsonDocument.Parse(await Client.Http.GetStringAsync(new Uri("/api/chat/config", UriKind.Relative)));

        Assert.True(config.RootElement.GetProperty("uploadsEnabled").GetBoolean());
    }

    [Fact]
    public async Task Upload_NotMultipart_Returns415()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.SendAsync(HttpMethod.Post, UploadPath(conversation), conversation.Token, new ByteArrayContent(Png));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
    }

    [Fact]
    public async Task Upload_WithoutActivityPart_Returns400()
    {
        var conversation = await Client.StartWithTokenAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "scan.png" } };

        var answer = await Client.SendAsync(HttpMethod.Post, UploadPath(conversation), conversation.Token, form);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Download_ActiveContent_IsServedAsSandboxedDownload()
    {
        var conversation = await Client.StartWithTokenAsync();
        await UploadAsync(conversation, ("page.html", "text/html", "<script>alert(1)</script>"u8.ToArray()));
        var url = Bot.Received.Single(a => a.Type == ActivityTypes.Message).Attachments![0].ContentUrl;

        using var response = await Client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_UnknownFile_Returns404()
    {
        var conversation = await Client.StartWithTokenAsync();

        using var response = await Client.Http.GetAsync($"{DirectLineClient.Root}/conversations/{conversation.ConversationId}/files/not-a-file");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string UploadPath(StartedConversation conversation) =>
        $"{DirectLineClient.Root}/conversations/{conversation.ConversationId}/upload?userId={conversation.UserId}";

    private async Task<DirectLineAnswer> UploadAsync(StartedConversation conversation, params (string Name, string ContentType, byte[] Content)[] files)
    {
        using var form = Uploads.Form(Uploads.Activity("c-up", [.. files.Select(f => (f.Name, f.ContentType, f.Content.Length))]), files);
        return await Client.SendAsync(HttpMethod.Post, UploadPath(conversation), conversation.Token, form);
    }
}
