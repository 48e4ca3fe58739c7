namespace TriageBot.Runtime.Referrals;

/// <summary>Where an outbox entry stands; stored as these exact strings.</summary>
public static class OutboxStates
{
    /// <summary>Not delivered yet: due now or at its next attempt.</summary>
    public const string Pending = "pending";

    /// <summary>The destination has it. Final.</summary>
    public const string Delivered = "delivered";

    /// <summary>Given up (a permanent refusal, or too many failures), with the reason. Final until an operator acts.</summary>
    public const string Dead = "dead";
}
