using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TriageBot.Schema;

namespace TriageBot.Runtime.Telemetry;

/// <summary>
/// The bot's own meter, <c>TriageBot</c>: turns, turn duration, dispositions, red flags and stored referrals.
/// Every attribute value comes from a fixed list (channel ids, disposition levels) or from the content (hazard ids,
/// checked against their shape); anything else is counted as <c>other</c>. Never user text, user or conversation ids.
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

    public TriageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("triagebot.turns", "{turn}", "Turns run, by channel and outcome.");
        _turnDuration = meter.CreateHistogram<double>("triagebot.turn.duration", "ms", "Time to run one turn: waiting for the conversation, state load, dialogs and save.");
        _dispositions = meter.CreateCounter<long>("triagebot.dispositions", "{disposition}", "Triage outcomes, by level.");
        _redFlags = meter.CreateCounter<long>("triagebot.redflag.detections", "{detection}", "Red flags found in free text, by hazard id.");
        _referrals = meter.CreateCounter<long>("triagebot.referrals.stored", "{referral}", "Referrals saved for the clinic.");
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

    /// <summary>Hazard ids as content writes them (<c>HAZ-INFECTION</c>): short, upper case, no spaces.</summary>
    private static bool IsHazardId(string? value) =>
        value is { Length: > 4 and <= 48 } && value.StartsWith("HAZ-", StringComparison.Ordinal)
        && value.AsSpan(4).IndexOfAnyExcept(HazardIdChars) < 0;
}
