namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Which of a set of conversations (all of them, or one client's) a newcomer may evict, kept in two orders as they
/// change, never by scanning: the idle ones (no stream, no turn) least recently used first, and all of them least
/// recently posted to first. The first may go once idle for <see cref="DirectLineOptions.EvictAfterIdle"/>; the
/// second once no turn runs and nothing was posted for <see cref="DirectLineOptions.StreamHoldsIdleConversationFor"/>,
/// open stream or not, so a held socket alone cannot keep a conversation forever.
/// Used only under the <see cref="DirectLineLedger"/>'s lock.
/// </summary>
internal sealed class DirectLineEvictionOrder(DirectLineOptions options)
{
    private readonly LinkedList<DirectLineConversation> _idle = new();
    private readonly LinkedList<DirectLineConversation> _posted = new();

    /// <summary>Conversations counted against this order's client, one being started included (client orders only).</summary>
    public int Held { get; set; }

    public void Add(DirectLineEvictionNodes nodes, bool idle)
    {
        AddLast(_posted, nodes.Posted);
        if (idle)
        {
            AddLast(_idle, nodes.Idle);
        }
    }

    /// <summary>A request: an idle conversation becomes the most recently used.</summary>
    public void Used(DirectLineEvictionNodes nodes) => MoveLast(_idle, nodes.Idle);

    /// <summary>A client posted (or a turn started): the most recently posted to.</summary>
    public void PostedTo(DirectLineEvictionNodes nodes) => MoveLast(_posted, nodes.Posted);

    public void BecameBusy(DirectLineEvictionNodes nodes) => Unlink(_idle, nodes.Idle);

    public void BecameIdle(DirectLineEvictionNodes nodes) => AddLast(_idle, nodes.Idle);

    public void Remove(DirectLineEvictionNodes nodes)
    {
        Unlink(_idle, nodes.Idle);
        Unlink(_posted, nodes.Posted);
    }

    /// <summary>The conversation that may be evicted now, or null with how long until one might be.</summary>
    public DirectLineConversation? Evictable(DateTimeOffset now, out TimeSpan retryAfter)
    {
        retryAfter = options.EvictAfterIdle;
        if (_idle.First is { } leastUsed)
        {
            var idleFor = now - leastUsed.Value.Slot.LastSeenAt;
            if (idleFor >= options.EvictAfterIdle)
            {
                return leastUsed.Value;
            }

            retryAfter = options.EvictAfterIdle - idleFor;
        }

        // Only the first is looked at: a turn moves its conversation to the end, so one running here has run for longer than the hold.
        if (_posted.First is { Value.Slot.Turns: 0 } quietest)
        {
            var quietFor = now - quietest.Value.Slot.LastPostedAt;
            if (quietFor >= options.StreamHoldsIdleConversationFor)
            {
                return quietest.Value;
            }

            var wait = options.StreamHoldsIdleConversationFor - quietFor;
            retryAfter = _idle.First is null || wait < retryAfter ? wait : retryAfter;
        }

        return null;
    }

    private static void AddLast(LinkedList<DirectLineConversation> list, LinkedListNode<DirectLineConversation> node)
    {
        if (node.List is null)
        {
            list.AddLast(node);
        }
    }

    private static void MoveLast(LinkedList<DirectLineConversation> list, LinkedListNode<DirectLineConversation> node)
    {
        if (node.List == list)
        {
            list.Remove(node);
            list.AddLast(node);
        }
    }

    private static void Unlink(LinkedList<DirectLineConversation> list, LinkedListNode<DirectLineConversation> node)
    {
        if (node.List == list)
        {
            list.Remove(node);
        }
    }
}

/// <summary>A conversation's places in one <see cref="DirectLineEvictionOrder"/>.</summary>
internal sealed class DirectLineEvictionNodes(DirectLineConversation conversation)
{
    public LinkedListNode<DirectLineConversation> Idle { get; } = new(conversation);

    public LinkedListNode<DirectLineConversation> Posted { get; } = new(conversation);
}
