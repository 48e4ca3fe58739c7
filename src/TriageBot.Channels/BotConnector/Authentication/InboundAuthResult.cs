namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// The outcome of checking a request's Bearer token. A failure carries a reason for the log (never the token);
/// success carries the <c>callerId</c> to stamp on the activity (null when auth is off).
/// </summary>
public sealed record InboundAuthResult
{
    private InboundAuthResult(bool succeeded, string? failureReason, string? callerId)
    {
        Succeeded = succeeded;
        FailureReason = failureReason;
        CallerId = callerId;
    }

    public bool Succeeded { get; }
    public string? FailureReason { get; }
    public string? CallerId { get; }

    public static InboundAuthResult Anonymous { get; } = new(true, null, null);

    public static InboundAuthResult Success(string? callerId) => new(true, null, callerId);

    public static InboundAuthResult Failure(string reason) => new(false, reason, null);
}
