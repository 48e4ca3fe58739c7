using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TriageBot.Browser.Tests;

/// <summary>What the page's files and headers are, over plain HTTP (no browser needed).</summary>
public sealed partial class ChatPageHttpTests
{
    [Fact]
    public async Task ChatPage_Get_ServesHtmlWithStrictScriptPolicy()
    {
        await using var host = await ChatHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Directive(response, "script-src");
        Assert.Equal("script-src 'self'", csp);
        Assert.Equal("default-src 'none'", Directive(response, "default-src"));
        Assert.Equal("frame-ancestors 'self'", Directive(response, "frame-ancestors"));
        Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task ChatPage_Html_HasNoInlineScriptAndTheEmergencyLine()
    {
        await using var host = await ChatHost.StartAsync();

        var html = await host.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains(" src=\"/", tag, StringComparison.Ordinal));
        Assert.Empty(EventHandlerAttribute().Matches(html));
        Assert.Contains("This is not a diagnosis. In an emergency call", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lib/webchat.js", 1_000_000)]
    [InlineData("/lib/axe.min.js", 100_000)]
    [InlineData("/app.js", 1_000)]
    [InlineData("/embed.js", 1_000)]
    public async Task PageScript_Get_IsServedAsJavaScript(string path, int minimumBytes)
    {
        await using var host = await ChatHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length >= minimumBytes, $"{path} is smaller than expected");
    }

    [Fact]
    public async Task PageScript_SecondRequestWithETag_IsNotModified()
    {
        await using var host = await ChatHost.StartAsync();
        using var first = await host.Client.GetAsync(new Uri("/lib/webchat.js", UriKind.Relative));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/webchat.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/index.html")]
    [InlineData("/lib/webchat.js.LICENSE.txt")]
    public async Task PageFolder_OtherFiles_AreNotServed(string path)
    {
        await using var host = await ChatHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ChatConfig_ClinicSettings_AreReturned()
    {
        await using var host = await ChatHost.StartAsync(new Dictionary<string, string?>
        {
            ["Clinic:Name"] = "Northside Spine Clinic",
            ["Clinic:Phone"] = "020 7946 0000",
            ["Clinic:PrimaryColor"] = "#7c2855",
        });

        using var json = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/api/chat/config", UriKind.Relative)));

        var root = json.RootElement;
        Assert.Equal("Northside Spine Clinic", root.GetProperty("clinicName").GetString());
        Assert.Equal("020 7946 0000", root.GetProperty("phone").GetString());
        Assert.Equal("#7c2855", root.GetProperty("primaryColor").GetString());
        Assert.Equal("999", root.GetProperty("emergencyNumber").GetString());
    }

    [Fact]
    public async Task ChatConfig_UnsafeColourAndPhone_FallBackToSafeValues()
    {
        await using var host = await ChatHost.StartAsync(new Dictionary<string, string?>
        {
            ["Clinic:Phone"] = "javascript:alert(1)",
            ["Clinic:PrimaryColor"] = "red;background:url(x)",
            ["Clinic:EmergencyNumber"] = "112",
        });

        using var json = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/api/chat/config", UriKind.Relative)));

        Assert.Equal("", json.RootElement.GetProperty("phone").GetString());
        Assert.Equal("#005eb8", json.RootElement.GetProperty("primaryColor").GetString());
        Assert.Equal("112", json.RootElement.GetProperty("emergencyNumber").GetString());
    }

    [Fact]
    public async Task ChatPage_FrameAncestorsConfigured_AllowsThoseSitesToEmbedIt()
    {
        await using var host = await ChatHost.StartAsync(new Dictionary<string, string?>
        {
            ["WebChat:FrameAncestors:0"] = "https://www.clinic.example",
        });

        using var response = await host.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("frame-ancestors 'self' https://www.clinic.example", Directive(response, "frame-ancestors"));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task ChatHost_FrameAncestorWithDirectiveInjection_FailsToStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await ChatHost.StartAsync(new Dictionary<string, string?>
            {
                ["WebChat:FrameAncestors:0"] = "https://x.example; script-src *",
            });
        });

        Assert.Contains("WebChat:FrameAncestors", error.Message, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static string Directive(HttpResponseMessage response, string name) =>
        Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries)
            .FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal)) ?? "";

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
