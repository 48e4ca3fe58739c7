using TriageBot.Schema;

namespace TriageBot.Runtime.Turns;

/// <summary>
/// What a finished turn hands back to its channel: replies to deliver (state is already saved), the invoke answer,
/// and whether the channel must now forget the conversation (<see cref="TurnContext.ForgetConversation"/>).
/// </summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse, bool ConversationForgotten = false);
