using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Channels.DirectLine;

/// <summary>Source-generated JSON for the Direct Line bodies that are not activities (activities use the schema's context).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ChatTokenResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(TokenRequest))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;

/// <summary>The answer to starting or reconnecting: DirectLineJS reads <c>conversationId</c>, <c>token</c> and <c>streamUrl</c>.</summary>
internal sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string StreamUrl);

/// <summary>The answer to <c>tokens/generate</c> and <c>tokens/refresh</c>.</summary>
internal sealed record TokenResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The page's token: as <see cref="TokenResponse"/>, plus the user id to give Web Chat as <c>userID</c>.</summary>
internal sealed record ChatTokenResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string UserId);

/// <summary>The OAuth sign-in session DirectLineJS asks for; this service has none, so it is empty.</summary>
internal sealed record SessionResponse(string SessionId);

/// <summary>The optional body of <c>tokens/generate</c> and <c>POST /conversations</c>: <c>{"user":{"id"},"locale"}</c>.</summary>
internal sealed record TokenRequest(TokenRequestUser? User, string? Locale);

internal sealed record TokenRequestUser(string? Id, string? Name);
