using Microsoft.AspNetCore.Http;
using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector;

/// <summary>An invoke response as HTTP: its status is the status, its body (if any) the JSON body.</summary>
internal sealed class InvokeResult(InvokeResponse invoke) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => invoke.Status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = invoke.Status;
        if (invoke.Body is { } body)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new System.Text.Json.Utf8JsonWriter(httpContext.Response.Body);
            body.WriteTo(writer);
        }
    }
}
