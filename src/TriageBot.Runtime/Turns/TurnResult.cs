using TriageBot.Schema;

namespace TriageBot.Runtime.Turns;

/// <summary>
/// What a finished turn hands back to its channel: replies to deliver (state is already saved), the invoke answer,
/// whether the channel must now forget the conversation (<see cref="TurnContext.ForgetConversation"/>), and whether
/// to go on in a private chat (<see cref="TurnContext.RequestPrivateChat"/>).
/// </summary>
public sealed record TurnResult(
    IReadOnlyList<Activity> Replies,
    InvokeResponse? InvokeResponse,
    bool ConversationForgotten = false,
    PrivateChatRequest? PrivateChat = null);
