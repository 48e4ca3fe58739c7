using System.Net;
using TriageBot.Host.Tests.Support;
using TriageBot.Testing;

namespace TriageBot.Host.Tests.Hosting;

/// <summary>
/// Requests nobody should send: every one gets a problem+json answer that says nothing internal, and none of what
/// the stranger sent (a path with line breaks and terminal escapes) reaches the log.
/// </summary>
public sealed class ErrorResponseTests
{
    [Theory]
    [InlineData("GET", "/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("GET", "/v3/directline/no-such-route", HttpStatusCode.NotFound)]
    [InlineData("PUT", "/api/messages", HttpStatusCode.MethodNotAllowed)]
    public async Task UnknownRouteOrMethod_AnswersProblemJson(string method, string path, HttpStatusCode expected)
    {
        await using var host = await EdgeHost.StartAsync();

        using var response = await host.SendAsync(new HttpMethod(method), path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"status\":{(int)expected}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathWithLineBreaksAndEscapes_NeverReachesTheLog()
    {
        // Even when an operator turns ASP.NET's own logging up (or appsettings.json is not found).
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug" });

        using var response = await host.Client.GetAsync("/x%0d%0awarn:%20FORGED%1b%5b31mRED?t=stream-token-secret");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("FORGED", host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("stream-token-secret", host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', host.Logs.AllText);
    }
}
