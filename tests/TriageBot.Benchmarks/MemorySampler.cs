using System.Globalization;

namespace TriageBot.Benchmarks;

/// <summary>The process's resident set (VmRSS from /proc/self/status; the working set elsewhere) and its GC heap.</summary>
internal readonly record struct Memory(long Rss, long Heap)
{
    public static Memory Sample() => new(ResidentBytes(), GC.GetGCMemoryInfo().HeapSizeBytes);

    private static long ResidentBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return Environment.WorkingSet;
    }
}

/// <summary>Samples <see cref="Memory"/> every 50 ms on its own timer and keeps the peaks, until disposed.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private Memory _peak;

    public MemorySampler()
    {
        _timer = new Timer(_ => Take(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public Memory Peak
    {
        get
        {
            Take();
            lock (_gate)
            {
                return _peak;
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Take()
    {
        var now = Memory.Sample();
        lock (_gate)
        {
            _peak = new Memory(Math.Max(_peak.Rss, now.Rss), Math.Max(_peak.Heap, now.Heap));
        }
    }
}
