using TriageBot.Schema;

namespace TriageBot.Runtime.Turns;

/// <summary>
/// A turn in a shared chat (a Teams group chat or channel) asking the channel to continue with the sender in a
/// private one-to-one chat: the channel opens it, runs a turn there with <see cref="StartEventName"/>, and then says
/// <see cref="Announcement"/> in the shared chat, or <see cref="Unavailable"/> when the private chat could not be
/// opened. Both lines are neutral: nothing the person said is repeated where others can read it.
/// </summary>
public sealed record PrivateChatRequest(Activity Announcement, Activity Unavailable)
{
    /// <summary>The event that starts the private chat's first turn (an event, so it never reads as something typed).</summary>
    public const string StartEventName = "triagebot/privateChat";
}
