using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace TriageBot.Channels.DirectLine;

/// <summary>Small request helpers: bounded JSON bodies and user ids a backend may name.</summary>
internal static class DirectLineRequests
{
    /// <summary>Token and start bodies are tiny; anything bigger is not one.</summary>
    private const int MaxSmallBodyBytes = 4096;

    private const int MaxUserIdLength = 256;

    /// <summary>Reads an optional small JSON body: null value when there is none, a failure when it is unusable.</summary>
    public static async Task<(T? Value, IResult? Failure)> ReadOptionalAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType())
        {
            // DirectLineJS always sends JSON; a backend calling tokens/generate may send nothing at all.
            return (null, null);
        }

        var body = await BoundedBody.ReadAsync(request.Body, MaxSmallBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, DirectLineErrors.TooLarge(MaxSmallBodyBytes));
        }

        try
        {
            return (body.Length == 0 ? null : JsonSerializer.Deserialize(body, typeInfo), null);
        }
        catch (JsonException e)
        {
            return (null, DirectLineErrors.BadRequest($"The body is not valid JSON (line {e.LineNumber}, byte {e.BytePositionInLine})."));
        }
    }

    /// <summary>A user id fit to put in a token: present, not too long, no control characters.</summary>
    public static bool IsAcceptableUserId(string? userId) =>
        !string.IsNullOrWhiteSpace(userId) && userId.Length <= MaxUserIdLength && !userId.Any(char.IsControl);
}
