using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Schema;

namespace TriageBot.Runtime.Turns;

/// <summary>The <c>adaptiveCard/action</c> invoke: request validation and response bodies, as Bot Builder answers them.</summary>
public static class AdaptiveCardInvoke
{
    public const string Name = "adaptiveCard/action";
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string CardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Returns a 400 response when the value is not an <c>Action.Execute</c> request, else null and the action.</summary>
    public static InvokeResponse? Validate(JsonElement? value, out JsonElement action)
    {
        action = default;
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return Error(400, "BadRequest", "Missing value property");
        }

        if (!v.TryGetProperty("action", out action) || action.ValueKind != JsonValueKind.Object)
        {
            return Error(400, "BadRequest", "Missing action property");
        }

        var type = action.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type == "Action.Execute"
            ? null
            : Error(400, "NotSupported", $"The action '{type}' is not supported.");
    }

    /// <summary>An invoke response carrying <c>{statusCode, type, value:{code,message}}</c>.</summary>
    public static InvokeResponse Error(int status, string code, string message)
    {
        var body = new Dictionary<string, object>
        {
            ["statusCode"] = status,
            ["type"] = ErrorType,
            ["value"] = new Dictionary<string, string> { ["code"] = code, ["message"] = message },
        };
        return new InvokeResponse(status, JsonSerializer.SerializeToElement(body, RuntimeJsonContext.Default.DictionaryStringObject));
    }

    /// <summary>A 200 response whose body shows a short message to the user.</summary>
    public static InvokeResponse Message(string text)
    {
        var body = new Dictionary<string, object> { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = text };
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(body, RuntimeJsonContext.Default.DictionaryStringObject));
    }

    /// <summary>A 200 response whose body is an Adaptive Card that replaces the card the user acted on (for them).</summary>
    public static InvokeResponse Card(JsonElement card)
    {
        var body = new JsonObject { ["statusCode"] = 200, ["type"] = CardType, ["value"] = JsonNode.Parse(card.GetRawText()) };
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(body, RuntimeJsonContext.Default.JsonObject));
    }
}
