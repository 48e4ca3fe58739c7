namespace TriageBot.Testing.Identity;

/// <summary>
/// A clock tests move by hand, for expiry and cache-lifetime tests without sleeping. Only the clock is manual:
/// timers (Task.Delay with this provider) still run on real time, so retry backoffs stay short and finite.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    /// <summary>A fixed, ordinary instant: tests must not depend on when they run.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private long _utcTicks = start.UtcTicks;

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public DateTimeOffset UtcNow
    {
        get => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _utcTicks, value.UtcTicks);
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
