using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Channels.DirectLine;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Benchmarks;

/// <summary>
/// A bounded load test of the self-hosted Direct Line, on loopback: the real host (TriageBotApp on 127.0.0.1:0,
/// SQLite state, Direct Line at its default limits), patients walking the real triage flow over Direct Line REST,
/// first alone, then while <see cref="DirectLineHostileClient"/> floods the service from a separate process
/// (<see cref="HostileClientProcess"/>). It samples this process's RSS (server and patients) and
/// GC heap and compares the peak under attack with a ceiling derived from the limits, then stops by itself.
/// </summary>
internal static class HostileDirectLineBench
{
    private const long MiB = 1024 * 1024;

    /// <summary>
    /// Beyond what Direct Line holds: requests in flight (bodies up to MaxActivityBytes, multipart buffers), the
    /// server side of the hostile client's open streams, the patients' own buffers (they run in this process).
    /// </summary>
    private const long TransientAllowance = 96 * MiB;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 30);
        var posters = Option(args, "--posters", 8);
        var patients = Option(args, "--patients", 8);
        var think = TimeSpan.FromMilliseconds(Option(args, "--think-ms", 500));
        var limits = new DirectLineOptions();
        Console.WriteLine($"hostile-directline: {seconds}s alone, then {seconds}s under attack; {patients} patients answering after {think.TotalMilliseconds}ms each; {posters} hostile posting loops");
        Console.WriteLine($"limits (defaults): MaxConversations={limits.MaxConversations} MaxTotalBytes={limits.MaxTotalBytes / MiB}MiB "
            + $"MaxBytesPerConversation={limits.MaxBytesPerConversation / MiB}MiB MaxActivityBytes={limits.MaxActivityBytes} "
            + $"PostRateLimit={limits.PostRateLimit.TokenLimit}+{limits.PostRateLimit.TokensPerPeriod}/{limits.PostRateLimit.ReplenishmentPeriod.TotalSeconds:F0}s UploadsEnabled={limits.UploadsEnabled}");

        // No log sink: the test kit's keeps every line in memory, which is not what the service holds.
        // The edge's global rate limit is lifted: this measures Direct Line's own bounds, as if the flood came from
        // more addresses than any per-client or global budget could tell apart (the worst case for memory).
        var unlimited = $"{int.MaxValue}";
        await using var host = await DirectLineHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["RateLimiting:Global:TokenLimit"] = unlimited,
                ["RateLimiting:Global:TokensPerPeriod"] = unlimited,
            },
            services: s => s.AddLogging(logging => logging.ClearProviders()));
        var store = host.Get<DirectLineConversationStore>();

        // Warm-up (JIT, tiered compilation, SQLite), not measured.
        await PatientsAsync(host, patients, TimeSpan.FromSeconds(Math.Min(5, seconds)), "warmup", new(), think);
        Collect();
        var baseline = Memory.Sample();
        var ceiling = baseline.Rss + (2 * limits.MaxTotalBytes) + TransientAllowance;
        Console.WriteLine($"baseline: rss={baseline.Rss / MiB}MiB gc_heap={baseline.Heap / MiB}MiB");
        Console.WriteLine($"ceiling = baseline rss + 2 x MaxTotalBytes (held bytes and as much again of GC headroom) + {TransientAllowance / MiB}MiB in flight = {ceiling / MiB}MiB");

        var alone = await PatientsAsync(host, patients, TimeSpan.FromSeconds(seconds), "alone", new(), think);

        // Patients already in conversation when the attack starts (twice as many as walked alone): while the cap is
        // full of live conversations new ones are refused (the policy), so what is measured is the conversations the
        // flood must not disturb. Should they run out, new ones are started and any refusal waited out.
        var pool = new Queue<DirectLinePatient>();
        for (var i = 0; i < (2 * alone.Walks) + patients; i++)
        {
            pool.Enqueue(await BeginAsync(host, $"attack-{i}", think, CancellationToken.None));
        }

        // The flood runs in its own process (as an attacker would), for as long as the patients walk.
        using var sampler = new MemorySampler();
        using var flood = HostileClientProcess.Start(host.BaseAddress, TimeSpan.FromSeconds(seconds), posters);
        var attacked = await PatientsAsync(host, patients, TimeSpan.FromSeconds(seconds), "attack", pool, think);
        var peak = sampler.Peak;
        var held = (store.Count, store.Bytes);
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var floodSummary = await flood.WaitAsync();

        Console.WriteLine($"hostile (separate process): {floodSummary}");
        Console.WriteLine($"direct line at the end of the attack: conversations={held.Count} bytes_held={held.Bytes / MiB}MiB; live GC heap after a full collection={live / MiB}MiB (service and patients)");
        Console.WriteLine($"patients alone:        {alone}");
        Console.WriteLine($"patients under attack: {attacked}");
        Console.WriteLine($"peak under attack: rss={peak.Rss / MiB}MiB gc_heap={peak.Heap / MiB}MiB; ceiling={ceiling / MiB}MiB");
        var pass = peak.Rss <= ceiling && attacked.Walks > 0;
        Console.WriteLine(pass ? "PASS" : "FAIL");
        return pass ? 0 : 1;
    }

    /// <summary>
    /// Patients walking the triage flow back to back for <paramref name="duration"/>, each walk in its own
    /// conversation: one already started from <paramref name="pool"/> while there are any, else a new one.
    /// </summary>
    private static async Task<PatientResult> PatientsAsync(DirectLineHost host, int patients, TimeSpan duration, string phase, Queue<DirectLinePatient> pool, TimeSpan think)
    {
        var walked = new List<DirectLinePatient>();
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(duration + TimeSpan.FromMinutes(3));
        var lanes = Enumerable.Range(0, patients).Select(async lane =>
        {
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                DirectLinePatient? patient;
                lock (pool)
                {
                    pool.TryDequeue(out patient);
                }

                patient ??= await BeginAsync(host, $"{phase}-{lane}-{n}", think, deadline.Token);
                await patient.AnswerAsync(DirectLinePatient.RoutineWalk, deadline.Token);
                if (patient.Outcome != "routine")
                {
                    throw new InvalidOperationException($"A walk ended without the routine disposition ({phase}).");
                }

                lock (walked)
                {
                    walked.Add(patient);
                }
            }
        });
        await Task.WhenAll(lanes);
        clock.Stop();
        return PatientResult.From(walked, clock.Elapsed);
    }

    private static async Task<DirectLinePatient> BeginAsync(DirectLineHost host, string name, TimeSpan think, CancellationToken cancellationToken)
    {
        var patient = new DirectLinePatient(host.Client, $"dl_patient-{name}") { ThinkTime = think };
        await patient.BeginAsync(cancellationToken);
        return patient;
    }

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record PatientResult(int Walks, int Turns, double TurnsPerSecond, string TurnTimes, int Refusals)
    {
        /// <summary>The answers only: the join event of a conversation started beforehand is not part of the window.</summary>
        public static PatientResult From(List<DirectLinePatient> patients, TimeSpan elapsed)
        {
            var turnTimes = patients.SelectMany(p => p.TurnTimes.Skip(1)).ToList();
            return new PatientResult(patients.Count, turnTimes.Count, turnTimes.Count / elapsed.TotalSeconds,
                DirectLinePatient.Summarize(turnTimes), patients.Sum(p => p.Refusals));
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"walks={Walks} turns={Turns} turns_per_s={TurnsPerSecond:F1} turn_time {TurnTimes} refusals_waited_out={Refusals}");
    }
}
