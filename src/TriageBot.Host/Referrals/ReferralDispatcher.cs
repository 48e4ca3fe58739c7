using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Telemetry;

namespace TriageBot.Host.Referrals;

/// <summary>
/// One pass over the outbox: claim the due entries, hand each referral to its destination with the entry's
/// idempotency key, and record the result: delivered; failed and due again after a backoff (or the destination's
/// Retry-After); or dead-lettered with the reason, at once for a permanent refusal, else after
/// <see cref="ReferralDispatchOptions.MaxAttempts"/>. At-least-once: a crash between the destination accepting and the
/// mark delivers again after the lease, and the idempotency key makes that a no-op at the destination.
/// </summary>
public sealed class ReferralDispatcher
{
    private readonly IReferralOutbox _outbox;
    private readonly IReferralStore _referrals;
    private readonly Dictionary<string, IReferralDestination> _destinations;
    private readonly ReferralDispatchOptions _options;
    private readonly TimeProvider _clock;
    private readonly TriageMetrics? _metrics;
    private readonly ILogger _logger;

    // Until when each destination asked us to wait, so that entries claimed meanwhile (new referrals) wait too. A
    // restart forgets it; the outbox rows keep the held times, and a new referral then tries once and is held again.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _holds = new(StringComparer.Ordinal);

    public ReferralDispatcher(
        IReferralOutbox outbox,
        IReferralStore referrals,
        IEnumerable<IReferralDestination> destinations,
        IOptions<ReferralDispatchOptions> options,
        TimeProvider clock,
        ILogger<ReferralDispatcher> logger,
        TriageMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        _referrals = referrals;
        _destinations = destinations.ToDictionary(d => d.Name, StringComparer.Ordinal);
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Jitter's source; a test may fix it.</summary>
    internal Random Random { get; init; } = Random.Shared;

    public IReadOnlyCollection<string> Destinations => _destinations.Keys;

    /// <summary>Delivers what is due now; returns how many entries it claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await _outbox.ClaimDueAsync(_clock.GetUtcNow(), _options.Lease, _options.BatchSize, cancellationToken);
        foreach (var entry in claimed)
        {
            if (_holds.TryGetValue(entry.Destination, out var until) && until > _clock.GetUtcNow())
            {
                // The destination asked us to wait: this entry waits with the rest of its queue, untried and uncounted.
                await _outbox.HoldAsync(entry.Destination, until, entry.LeaseToken, _clock.GetUtcNow(), cancellationToken);
                continue;
            }

            await DeliverAsync(entry, cancellationToken);
        }

        await CountAsync(cancellationToken);
        return claimed.Count;
    }

    /// <summary>Publishes the outbox counts as gauges.</summary>
    public async Task CountAsync(CancellationToken cancellationToken) =>
        _metrics?.OutboxCounted(await _outbox.CountAsync(cancellationToken));

    private async Task DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Attempt > _options.MaxAttempts)
        {
            // Claimed more often than allowed without a recorded failure: the process died during each attempt.
            await DeadLetterAsync(entry, "max-attempts", cancellationToken);
            return;
        }

        if (!_destinations.TryGetValue(entry.Destination, out var destination))
        {
            await FailAsync(entry, new ReferralDeliveryException("destination-not-configured"), cancellationToken);
            return;
        }

        if (await _referrals.FindAsync(entry.Reference, cancellationToken) is not { } referral)
        {
            await DeadLetterAsync(entry, "referral-deleted", cancellationToken);
            return;
        }

        var delivery = new ReferralDelivery(referral, entry.Destination, ReferralDelivery.KeyFor(entry.Reference, entry.Destination), entry.Attempt);
        ReferralDeliveryException? failure;
        using (var timeout = new CancellationTokenSource(_options.DeliveryTimeout, _clock))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                await destination.DeliverAsync(delivery, linked.Token);
                failure = null;
            }
            catch (ReferralDeliveryException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = e;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new ReferralDeliveryException("timeout");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Any other exception is transient by the destination contract; only its type is kept (its message
                // could quote a remote body).
                failure = new ReferralDeliveryException("error-" + e.GetType().Name.ToLowerInvariant());
            }
        }

        if (failure is null)
        {
            await _outbox.MarkDeliveredAsync(entry, _clock.GetUtcNow(), cancellationToken);
            _metrics?.DeliveryAttempted(entry.Destination, TriageMetrics.DeliveryOutcomes.Delivered, null);
            ReferralsLog.Delivered(_logger, entry.Reference, entry.Destination, entry.Attempt);
            return;
        }

        await FailAsync(entry, failure, cancellationToken);
    }

    private async Task FailAsync(OutboxEntry entry, ReferralDeliveryException failure, CancellationToken cancellationToken)
    {
        if (failure.Permanent || entry.Attempt >= _options.MaxAttempts)
        {
            await DeadLetterAsync(entry, failure.Permanent ? failure.Reason : "max-attempts:" + failure.Reason, cancellationToken);
            return;
        }

        var delay = ReferralBackoff.Delay(entry.Attempt, failure.RetryAfter ?? TimeSpan.Zero, _options, Random);
        var next = _clock.GetUtcNow() + delay;
        await _outbox.MarkFailedAsync(entry, failure.Reason, next, cancellationToken);
        _metrics?.DeliveryAttempted(entry.Destination, TriageMetrics.DeliveryOutcomes.Failed, failure.Reason);
        ReferralsLog.Failed(_logger, entry.Reference, entry.Destination, entry.Attempt, failure.Reason, delay.TotalSeconds);
        if (failure.RetryAfter is not null)
        {
            await HoldAsync(entry, next, cancellationToken);
        }
    }

    /// <summary>
    /// A Retry-After is the destination speaking about itself (RFC 9110: unavailable, or too many requests from us),
    /// not about one referral: its whole queue waits until then and resumes together, oldest first (README, Order).
    /// </summary>
    private async Task HoldAsync(OutboxEntry entry, DateTimeOffset until, CancellationToken cancellationToken)
    {
        _holds[entry.Destination] = until;
        var held = await _outbox.HoldAsync(entry.Destination, until, entry.LeaseToken, _clock.GetUtcNow(), cancellationToken);
        ReferralsLog.DestinationHeld(_logger, entry.Destination, (until - _clock.GetUtcNow()).TotalSeconds, held);
    }

    private async Task DeadLetterAsync(OutboxEntry entry, string reason, CancellationToken cancellationToken)
    {
        await _outbox.DeadLetterAsync(entry, reason, _clock.GetUtcNow(), cancellationToken);
        _metrics?.DeliveryAttempted(entry.Destination, TriageMetrics.DeliveryOutcomes.Dead, reason);
        ReferralsLog.DeadLettered(_logger, entry.Reference, entry.Destination, entry.Attempt, reason);
    }
}
