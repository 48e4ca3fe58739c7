namespace TriageBot.Runtime.Referrals;

/// <summary>
/// What a store does when a reference is already taken. References are derived from the conversation and the
/// confirming activity, so a turn re-run after a state conflict adds the same referral twice: the first one stands and
/// the re-run succeeds. Another person's referral under the same reference is a collision and must not pass silently.
/// </summary>
public static class ReferralReferences
{
    public static void EnsureSameSubject(ReferralRecord adding, ReferralRecord? stored)
    {
        ArgumentNullException.ThrowIfNull(adding);
        if (stored is not null && stored.SubjectHash != adding.SubjectHash)
        {
            throw new InvalidOperationException("A referral of another person already has this reference.");
        }
    }
}
