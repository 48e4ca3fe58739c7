using System.Text.Json;

namespace TriageBot.Schema;

/// <summary>What a channel answers when it accepts an activity: its id (may be absent).</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The body of a <c>deliveryMode: expectReplies</c> turn: every reply, in order.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>The HTTP status and body an <c>invoke</c> activity answers with.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);

/// <summary>The Bot Framework error envelope: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(ErrorDetail Error);

/// <summary>One error: a stable code and a human message (never user data).</summary>
public sealed record ErrorDetail(string Code, string Message);

/// <summary>A reaction such as <c>like</c>.</summary>
public sealed record MessageReaction(string? Type);

/// <summary>A highlighted span of text, referenced by <c>textHighlights</c>.</summary>
public sealed record TextHighlight(string? Text, int? Occurrence);

/// <summary>A programmatic action carried alongside a message.</summary>
public sealed record SemanticAction(string? Id, string? State, IReadOnlyDictionary<string, Entity>? Entities);
