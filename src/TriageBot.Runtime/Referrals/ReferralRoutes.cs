namespace TriageBot.Runtime.Referrals;

/// <summary>
/// The destinations a new referral is queued for: the names of the registered <see cref="IReferralDestination"/>s.
/// A store writes one outbox entry per name in the same transaction as the referral. The names are read on first use,
/// not when the store is built, so a destination may itself depend on the store without a cycle.
/// </summary>
public sealed class ReferralRoutes
{
    public const int MaxNameLength = 32;

    private readonly Lazy<IReadOnlyList<string>> _destinations;

    public ReferralRoutes(IEnumerable<string> destinations)
        : this(() => destinations)
    {
    }

    public ReferralRoutes(Func<IEnumerable<string>> destinations)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        _destinations = new(() => Checked(destinations()));
    }

    /// <summary>No destination: referrals are stored, and nothing is queued (nobody is told automatically).</summary>
    public static ReferralRoutes None { get; } = new([]);

    public IReadOnlyList<string> Destinations => _destinations.Value;

    /// <summary>A name is stored in every outbox row and used as a metric attribute: short lower-case letters, digits, dashes.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name[0] != '-' && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static string[] Checked(IEnumerable<string> names)
    {
        var list = names.ToArray();
        if (list.FirstOrDefault(n => !IsValidName(n)) is { } bad)
        {
            throw new InvalidOperationException($"Referral destination name '{bad}' must be 1-{MaxNameLength} characters of a-z, 0-9 and '-'.");
        }

        if (list.Length != list.Distinct(StringComparer.Ordinal).Count())
        {
            throw new InvalidOperationException("Two referral destinations have the same name.");
        }

        return list;
    }
}
