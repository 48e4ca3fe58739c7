using System.Net;
using TriageBot.Channels.DirectLine;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>Cross-origin embedding: preflights exactly as the browser sent them for Web Chat 4.18.</summary>
public sealed class DirectLineCorsTests : DirectLineTest
{
    private const string Page = "https://clinic.example";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:AllowedOrigins:0"] = Page + "/",
    };

    /// <summary>(method, path, requested headers) for each call a page makes; GET and upload send no content-type.</summary>
    public static TheoryData<string, string, string> Preflights => new()
    {
        { "POST", "/v3/directline/conversations", "authorization,content-type,x-ms-bot-agent,x-requested-with" },
        { "POST", "/v3/directline/conversations/abc/activities", "authorization,content-type,x-ms-bot-agent,x-requested-with" },
        { "GET", "/v3/directline/conversations/abc/activities?watermark=3", "authorization,x-ms-bot-agent,x-requested-with" },
        { "GET", "/v3/directline/conversations/abc?watermark=3", "authorization,x-ms-bot-agent,x-requested-with" },
        { "POST", "/v3/directline/conversations/abc/upload?userId=dl_x", "authorization,x-ms-bot-agent,x-requested-with" },
        { "POST", "/v3/directline/tokens/refresh", "authorization,x-ms-bot-agent,x-requested-with" },
        { "POST", DirectLineEndpoints.ChatTokenPath, "content-type" },
    };

    [Theory]
    [MemberData(nameof(Preflights))]
    public async Task Preflight_FromConfiguredOrigin_Allowed(string method, string path, string headers)
    {
        using var response = await PreflightAsync(Page, method, path, headers);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Page, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowedHeaders = response.Headers.GetValues("Access-Control-Allow-Headers").SelectMany(h => h.Split(',')).Select(h => h.Trim());
        Assert.Subset(allowedHeaders.ToHashSet(StringComparer.OrdinalIgnoreCase), headers.Split(',').ToHashSet(StringComparer.OrdinalIgnoreCase));
        Assert.Contains(method, response.Headers.GetValues("Access-Control-Allow-Methods").SelectMany(m => m.Split(',')).Select(m => m.Trim()));
        Assert.Equal("600", response.Headers.GetValues("Access-Control-Max-Age").Single());
    }

    [Theory]
    [MemberData(nameof(Preflights))]
    public async Task Preflight_FromOtherOrigin_NotAllowed(string method, string path, string headers)
    {
        using var response = await PreflightAsync("https://evil.example", method, path, headers);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ActualResponse_ToConfiguredOrigin_CarriesAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        request.Headers.Add("Origin", Page);
        request.Headers.Authorization = new("Bearer", DirectLineHost.Secret);

        using var response = await Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Page, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task ActualResponse_ToOtherOrigin_HasNoAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Authorization = new("Bearer", DirectLineHost.Secret);

        using var response = await Client.Http.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin, string method, string path, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await Client.Http.SendAsync(request);
    }
}
