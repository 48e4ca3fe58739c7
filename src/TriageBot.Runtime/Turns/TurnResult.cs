using TriageBot.Schema;

namespace TriageBot.Runtime.Turns;

/// <summary>What a finished turn hands back to its channel: replies to deliver (state is already saved) and the invoke answer.</summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse);
