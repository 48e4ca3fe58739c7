using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// Reads one Activity from a request, or says precisely why not: 415 for a body that is not JSON, 413 above the
/// size limit (checked before and while reading, so a lying Content-Length cannot slip through), 400 for bad JSON
/// or a missing <c>type</c>. Reasons name positions and fields, never the content.
/// </summary>
public static class ActivityRequestReader
{
    public static async Task<ActivityReadResult> ReadAsync(HttpRequest request, int maxBodyBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return ActivityReadResult.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the activity as JSON with Content-Type: application/json.");
        }

        if (request.ContentLength > maxBodyBytes)
        {
            return TooLarge(maxBodyBytes);
        }

        var body = await BoundedBody.ReadAsync(request.Body, maxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge(maxBodyBytes);
        }

        Activity? activity;
        try
        {
            activity = body.Length == 0 ? null : JsonSerializer.Deserialize(body, SchemaJsonContext.Default.Activity);
        }
        catch (JsonException e)
        {
            return ActivityReadResult.Problem(StatusCodes.Status400BadRequest, "Invalid JSON",
                $"The body is not a valid Activity: JSON error at line {e.LineNumber}, byte {e.BytePositionInLine}, path {e.Path ?? "$"}.");
        }

        if (activity is null)
        {
            return ActivityReadResult.Problem(StatusCodes.Status400BadRequest, "Missing activity", "The body must be one Activity object.");
        }

        return string.IsNullOrWhiteSpace(activity.Type)
            ? ActivityReadResult.Problem(StatusCodes.Status400BadRequest, "Missing activity type", "The activity has no 'type'.")
            : ActivityReadResult.Success(activity);
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static ActivityReadResult TooLarge(int maxBodyBytes) =>
        ActivityReadResult.Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large",
            $"The body exceeds the limit of {maxBodyBytes} bytes.");
}

/// <summary>Either an activity or the HTTP problem to answer with.</summary>
public sealed record ActivityReadResult(Activity? Activity, int Status, string? Title, string? Detail)
{
    public static ActivityReadResult Success(Activity activity) => new(activity, StatusCodes.Status200OK, null, null);

    public static ActivityReadResult Problem(int status, string title, string detail) => new(null, status, title, detail);
}
