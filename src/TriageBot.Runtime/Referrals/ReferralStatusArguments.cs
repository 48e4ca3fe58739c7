namespace TriageBot.Runtime.Referrals;

/// <summary>The argument checks every referral store makes alike, so stores cannot disagree on what is valid.</summary>
public static class ReferralStatusArguments
{
    public const int MaxPage = 100;

    public static void Check(string status)
    {
        if (!ReferralStatuses.IsKnown(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a referral status.");
        }
    }

    public static void CheckPage(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxPage);
    }
}
