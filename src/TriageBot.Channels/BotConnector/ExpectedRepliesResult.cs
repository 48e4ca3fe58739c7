using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// The replies of an <c>expectReplies</c> turn as the response body, serialized in one synchronous pass into a pooled
/// buffer and written with its Content-Length: every turn of the Emulator, Direct Line's and the bench's clients ends
/// here, and the general JSON result's asynchronous, chunked write cost more than the serializing (profile in
/// deployment/bench/README.md).
/// </summary>
internal sealed class ExpectedRepliesResult(IReadOnlyList<Activity> replies) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var body = new PooledBufferWriter();
        {
            using (var writer = new Utf8JsonWriter(body))
            {
                JsonSerializer.Serialize(writer, new ExpectedReplies(replies), SchemaJsonContext.Default.ExpectedReplies);
            }

            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = body.Written.Length;
            await response.Body.WriteAsync(body.Written, httpContext.RequestAborted);
        }
    }
}
