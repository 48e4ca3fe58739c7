using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TriageBot.Runtime.Referrals;
using TriageBot.Schema;

namespace TriageBot.Runtime.Telemetry;

/// <summary>
/// The bot's own meter, <c>TriageBot</c>: turns, turn duration, dispositions, red flags, stored referrals and their
/// delivery (outbox entries by state, attempts and failures). Every attribute value comes from a fixed list (channel
/// ids, disposition levels, delivery outcomes), from the content (hazard ids) or from configuration and code
/// (destination names, reason codes), checked against their shape; anything else is counted as <c>other</c>. Never user
/// text, user or conversation ids, nor referral references.
/// </summary>
public sealed class TriageMetrics
{
    public const string MeterName = "TriageBot";

    private const string Other = "other";

    private static readonly HashSet<string> Channels = new(StringComparer.Ordinal)
    {
        ChannelIds.Emulator, ChannelIds.DirectLine, ChannelIds.DirectLineSpeech, ChannelIds.WebChat, ChannelIds.MsTeams, ChannelIds.Test,
    };

    private static readonly SearchValues<char> HazardIdChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal) { "emergency", "urgent", "routine", "self-care" };

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _dispositions;
    private readonly Counter<long> _redFlags;
    private readonly Counter<long> _referrals;
    private readonly Counter<long> _deliveryAttempts;
    private readonly Counter<long> _deliveryFailures;
    private OutboxCounts? _outbox;

    public TriageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("triagebot.turns", "{turn}", "Turns run, by channel and outcome.");
        _turnDuration = meter.CreateHistogram<double>("triagebot.turn.duration", "ms", "Time to run one turn: waiting for the conversation, state load, dialogs and save.");
        _dispositions = meter.CreateCounter<long>("triagebot.dispositions", "{disposition}", "Triage outcomes, by level.");
        _redFlags = meter.CreateCounter<long>("triagebot.redflag.detections", "{detection}", "Red flags found in free text, by hazard id.");
        _referrals = meter.CreateCounter<long>("triagebot.referrals.stored", "{referral}", "Referrals saved for the clinic.");
        _deliveryAttempts = meter.CreateCounter<long>("triagebot.referrals.delivery.attempts", "{attempt}",
            "Referral deliveries tried, by destination and outcome (delivered, failed, dead).");
        _deliveryFailures = meter.CreateCounter<long>("triagebot.referrals.delivery.failures", "{failure}",
            "Referral deliveries that failed (retried or dead-lettered), by destination and reason code.");
        meter.CreateObservableGauge("triagebot.referrals.outbox.entries", ObserveOutbox, "{entry}",
            "Referral outbox entries by state (pending, delivered, dead), as the dispatcher last counted them.");
    }

    public void TurnCompleted(string? channelId, bool failed, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "triagebot.channel", channelId is not null && Channels.Contains(channelId) ? channelId : Other },
            { "triagebot.turn.outcome", failed ? "failed" : "ok" },
        };
        _turns.Add(1, tags);
        _turnDuration.Record(elapsed.TotalMilliseconds, tags);
    }

    public void Disposition(string level) =>
        _dispositions.Add(1, new KeyValuePair<string, object?>("triagebot.disposition.level", Levels.Contains(level) ? level : Other));

    public void RedFlagDetected(string hazardId) =>
        _redFlags.Add(1, new KeyValuePair<string, object?>("triagebot.hazard.id", IsHazardId(hazardId) ? hazardId : Other));

    public void ReferralStored() => _referrals.Add(1);

    /// <summary>The latest outbox counts, reported by the gauge until the next count.</summary>
    public void OutboxCounted(OutboxCounts counts) => Volatile.Write(ref _outbox, counts);

    /// <summary>One delivery attempt's result; a failure (failed or dead) also counts under its reason code.</summary>
    public void DeliveryAttempted(string destination, string outcome, string? reason)
    {
        var where = new KeyValuePair<string, object?>("triagebot.referral.destination", ReferralRoutes.IsValidName(destination) ? destination : Other);
        _deliveryAttempts.Add(1, where,
            new KeyValuePair<string, object?>("triagebot.delivery.outcome", DeliveryOutcomes.IsKnown(outcome) ? outcome : Other));
        if (outcome != DeliveryOutcomes.Delivered)
        {
            _deliveryFailures.Add(1, where, new KeyValuePair<string, object?>("triagebot.delivery.reason", ReasonCode(reason)));
        }
    }

    private IEnumerable<Measurement<long>> ObserveOutbox()
    {
        if (Volatile.Read(ref _outbox) is not { } counts)
        {
            yield break;
        }

        yield return new(counts.Pending, new KeyValuePair<string, object?>("triagebot.outbox.state", OutboxStates.Pending));
        yield return new(counts.Delivered, new KeyValuePair<string, object?>("triagebot.outbox.state", OutboxStates.Delivered));
        yield return new(counts.Dead, new KeyValuePair<string, object?>("triagebot.outbox.state", OutboxStates.Dead));
    }

    /// <summary>
    /// A reason as destinations write them ("http-503", "max-attempts:timeout"): the part before any ':' (the metric
    /// keeps the kind, the outbox row the detail), short lower-case letters, digits and dashes.
    /// </summary>
    private static string ReasonCode(string? reason)
    {
        var code = reason?.Split(':')[0];
        return ReferralRoutes.IsValidName(code) ? code! : Other;
    }

    /// <summary>Hazard ids as content writes them (<c>HAZ-INFECTION</c>): short, upper case, no spaces.</summary>
    private static bool IsHazardId(string? value) =>
        value is { Length: > 4 and <= 48 } && value.StartsWith("HAZ-", StringComparison.Ordinal)
        && value.AsSpan(4).IndexOfAnyExcept(HazardIdChars) < 0;

    /// <summary>What became of one delivery attempt.</summary>
    public static class DeliveryOutcomes
    {
        public const string Delivered = "delivered";
        public const string Failed = "failed";
        public const string Dead = "dead";

        public static bool IsKnown(string? outcome) => outcome is Delivered or Failed or Dead;
    }
}
