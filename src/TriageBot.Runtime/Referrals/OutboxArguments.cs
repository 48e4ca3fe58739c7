namespace TriageBot.Runtime.Referrals;

/// <summary>The argument checks every outbox makes alike.</summary>
public static class OutboxArguments
{
    public const int MaxClaim = 100;

    public const int MaxReasonLength = 64;

    public static void CheckClaim(TimeSpan lease, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxClaim);
    }

    /// <summary>A reason as stored: trimmed to <see cref="MaxReasonLength"/> characters.</summary>
    public static string Reason(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
    }
}
