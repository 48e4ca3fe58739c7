namespace TriageBot.Runtime.State;

/// <summary>
/// The state a turn works on. In a group chat each person has their own conversation (dialog stack and answers)
/// in <see cref="PrivateConversation"/>; in a one-to-one chat it is the <see cref="Conversation"/> itself.
/// </summary>
public sealed class TurnState(StateScope conversation, StateScope user, StateScope? privateConversation)
{
    public StateScope Conversation { get; } = conversation;

    public StateScope User { get; } = user;

    public StateScope? PrivateConversation { get; } = privateConversation;

    /// <summary>Where a person's dialog and answers live: per person in group chats, per conversation otherwise.</summary>
    public StateScope Dialog => PrivateConversation ?? Conversation;

    /// <summary>Saved first; a conflict on it re-runs the turn. The others are merged by property.</summary>
    internal StateScope Primary => Dialog;

    internal IEnumerable<StateScope> Secondary =>
        PrivateConversation is null ? [User] : [Conversation, User];
}
