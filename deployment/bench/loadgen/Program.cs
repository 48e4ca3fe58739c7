// Load generator for Bot Framework-compatible bots (POST /api/messages, deliveryMode=expectReplies).
//
// N virtual users each play whole scripted conversations (fresh conversation id, 9 user turns),
// one request in flight per user, back to back (closed loop, no think time), for a fixed duration
// or a fixed number of conversations. Plain BCL only (HttpClient + System.Text.Json).
//
// Prints a human summary and one machine-readable line starting with "RESULT ".
// Run with --help for options.
//
// Copied from ../shared/bench/loadgen (the project's reference method) with two additions for TriageBot's own
// benchmark (deployment/bench/README.md): --url takes a comma-separated list (turn t of a conversation goes to
// url[(user + t) % n], so consecutive turns of one conversation alternate between instances), and --server-pid takes
// a comma-separated list whose CPU is summed together with each process's descendants (a PostgreSQL postmaster and
// its backends). With one URL and one pid it behaves exactly as the original.

using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LoadGen;

sealed record Turn(string Text, string[] Keywords);

sealed class Options
{
    public string Url = "http://127.0.0.1:3979/api/messages";
    public int Concurrency = 64;
    public double DurationS = 20;
    public double WarmupS = 10;
    public long Conversations; // 0 = unlimited (duration-bound)
    public bool Check;
    public bool CheckContent;
    public string Channel = "emulator";
    public string ServiceUrl = "http://localhost:1";
    public int ServerPid; // the first of ServerPids (kept for the original's single-pid code paths)
    public int[] ServerPids = [];
    public double TimeoutS = 10;
    public string Label = "";
    public string? ScriptFile;
    public bool Verbose;
    public bool Progress;

    public static readonly string Usage = """
        usage: loadgen [options]
          --url URL[,URL...]     bot endpoint(s) (default http://127.0.0.1:3979/api/messages); with several, the
                                 turns of each conversation alternate between them
          -c, --concurrency N    virtual users, one request in flight each (default 64)
          -d, --duration S       measured seconds (default 20); with -n it is a cap
          -w, --warmup S         unmeasured seconds before measuring (default 10: node needs ~5-8 s to reach steady state)
          -n, --conversations N  stop after N conversations have been played (default: no limit)
          --check                each turn: >=1 reply activity AND >=1 message activity with non-empty text
          --check-content        --check plus per-turn keywords (e.g. the reply to the severity turn must
                                 ask about duration); failures count as errors
          --channel ID           channelId to send (default emulator)
          --service-url URL      serviceUrl to send (default http://localhost:1, never called)
          --server-pid PID[,PID] report the servers' CPU seconds (each with its descendants) and RSS (from /proc)
                                 for the measured window, summed
          --timeout S            per-request timeout (default 10)
          --script FILE          replace the built-in script: one turn per line, 'user text|kw1,kw2' (keywords
                                 are case-insensitive alternatives, used by --check-content)
          --label NAME           tag echoed in the RESULT line
          -v, --verbose          print the first failing responses in full
          --progress             print completed turns/s every second (warm-up included)
        """;

    public static Options? Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string Next()
            {
                if (i + 1 >= args.Length) throw new ArgumentException($"missing value for {a}");
                return args[++i];
            }
            switch (a)
            {
                case "--url": o.Url = Next(); break;
                case "-c": case "--concurrency": o.Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "-d": case "--duration": o.DurationS = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "-w": case "--warmup": o.WarmupS = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "-n": case "--conversations": o.Conversations = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--check": o.Check = true; break;
                case "--check-content": o.Check = true; o.CheckContent = true; break;
                case "--channel": o.Channel = Next(); break;
                case "--service-url": o.ServiceUrl = Next(); break;
                case "--server-pid":
                    o.ServerPids = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                    o.ServerPid = o.ServerPids.Length > 0 ? o.ServerPids[0] : 0;
                    break;
                case "--timeout": o.TimeoutS = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--script": o.ScriptFile = Next(); break;
                case "--label": o.Label = Next(); break;
                case "-v": case "--verbose": o.Verbose = true; break;
                case "--progress": o.Progress = true; break;
                case "-h": case "--help": Console.WriteLine(Usage); return null;
                default: throw new ArgumentException($"unknown option {a}");
            }
        }
        if (o.Concurrency < 1) throw new ArgumentException("concurrency must be >= 1");
        if (o.DurationS <= 0) throw new ArgumentException("duration must be > 0");
        if (o.WarmupS < 0) throw new ArgumentException("warmup must be >= 0");
        return o;
    }
}

/// <summary>Per-virtual-user counters; merged at the end (no shared hot state).</summary>
sealed class VuStats
{
    public readonly List<int>[] LatUs; // per script turn, successful turns only, microseconds
    public long AllTurns; // every successful turn, warm-up included (for --progress)
    public long Turns, Errors, HttpErrors, TransportErrors, NoReplies, BadBody, CheckFailures, Conversations;
    public VuStats(int turns)
    {
        LatUs = new List<int>[turns];
        for (int i = 0; i < turns; i++) LatUs[i] = new List<int>(4096);
    }
}

static class Program
{
    static readonly Turn[] DefaultScript =
    [
        // user text            keywords any one of which a reply text must contain (--check-content)
        new("hi",                 ["where", "location"]),                              // -> pain location?
        new("lower back",         ["10", "scale", "severity", "rate"]),           // -> severity 0-10?
        new("12",                 ["10", "number", "between"]),                   // invalid -> re-prompt
        new("7",                  ["how long", "duration", "weeks", "months"]),        // -> duration?
        new("more than 3 months", ["numb", "tingl"]),                                  // -> numbness?
        new("yes",                ["bladder", "bowel", "saddle"]),                     // -> red flags?
        new("no",                 ["treatment", "tried"]),                             // -> treatments?
        new("physical therapy",   ["refer"]),                                          // -> education + referral?
        new("yes",                ["refer"]),                                          // -> referral confirmed
    ];

    static readonly object ErrLock = new();
    static readonly List<string> ErrorSamples = new();

    static async Task<int> Main(string[] args)
    {
        Options? o;
        try { o = Options.Parse(args); }
        catch (Exception e) { Console.Error.WriteLine(e.Message); Console.Error.WriteLine(Options.Usage); return 2; }
        if (o is null) return 0;

        Turn[] script = o.ScriptFile is null ? DefaultScript : LoadScript(o.ScriptFile);
        var ci = CultureInfo.InvariantCulture;
        string runId = Guid.NewGuid().ToString("N")[..8];

        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(o.TimeoutS) };
        client.DefaultRequestHeaders.ExpectContinue = false;
        var uris = o.Url.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToArray();

        long freq = Stopwatch.Frequency;
        long begin = Stopwatch.GetTimestamp();
        long tStart = begin + (long)(o.WarmupS * freq);
        long tEnd = tStart + (long)(o.DurationS * freq);
        long convLimit = o.Conversations;
        long convCounter = 0;
        var stats = new VuStats[o.Concurrency];

        Console.WriteLine($"loadgen: {o.Url} c={o.Concurrency} warmup={o.WarmupS}s duration={o.DurationS}s" +
                          (convLimit > 0 ? $" conversations={convLimit}" : "") +
                          $" check={(o.CheckContent ? "content" : o.Check ? "basic" : "off")} channel={o.Channel}" +
                          $" turns/conversation={script.Length} cores={Environment.ProcessorCount}");

        async Task Vu(int vu)
        {
            var st = stats[vu] = new VuStats(script.Length);
            var buf = new ArrayBufferWriter<byte>(1024);
            long seq = 0;
            while (Stopwatch.GetTimestamp() < tEnd)
            {
                if (convLimit > 0 && Interlocked.Increment(ref convCounter) > convLimit) break;
                string convId = $"lg-{runId}-{vu}-{seq++}";
                bool convOk = true;
                long lastDone = 0;
                for (int t = 0; t < script.Length; t++)
                {
                    if (Stopwatch.GetTimestamp() >= tEnd) { convOk = false; break; }
                    buf.ResetWrittenCount();
                    WriteActivity(buf, o, convId, t, script[t].Text);
                    var content = new ByteArrayContent(buf.WrittenSpan.ToArray());
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    long t0 = Stopwatch.GetTimestamp();
                    string? failure = null;
                    string kind = "";
                    try
                    {
                        using var req = new HttpRequestMessage(HttpMethod.Post, uris[(vu + t) % uris.Length]) { Content = content };
                        using var resp = await client.SendAsync(req).ConfigureAwait(false);
                        byte[] body = await resp.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        if (resp.StatusCode != HttpStatusCode.OK)
                        {
                            kind = "http";
                            failure = $"HTTP {(int)resp.StatusCode}: {Excerpt(body, o.Verbose)}";
                        }
                        else
                        {
                            (kind, failure) = Validate(body, script[t], o);
                        }
                    }
                    catch (Exception ex)
                    {
                        kind = "transport";
                        failure = ex.GetType().Name + ": " + ex.Message;
                    }
                    long t1 = Stopwatch.GetTimestamp();
                    lastDone = t1;
                    bool measured = t1 >= tStart && t1 <= tEnd;
                    if (failure is null)
                    {
                        st.AllTurns++;
                        if (measured)
                        {
                            st.Turns++;
                            st.LatUs[t].Add((int)Math.Min(int.MaxValue, (t1 - t0) * 1_000_000 / freq));
                        }
                        continue;
                    }
                    convOk = false;
                    if (measured || convLimit > 0)
                    {
                        st.Errors++;
                        switch (kind)
                        {
                            case "http": st.HttpErrors++; break;
                            case "transport": st.TransportErrors++; break;
                            case "noreplies": st.NoReplies++; break;
                            case "body": st.BadBody++; break;
                            default: st.CheckFailures++; break;
                        }
                        RecordError($"conv={convId} turn={t + 1} '{script[t].Text}': {failure}");
                    }
                    if (kind == "transport") await Task.Delay(20).ConfigureAwait(false); // no hot loop if the server is down
                    break; // abandon this conversation (server-side state is no longer in step); start a fresh one
                }
                if (convOk && lastDone >= tStart && lastDone <= tEnd) st.Conversations++;
            }
        }

        double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

        var tasks = new Task[o.Concurrency];
        for (int i = 0; i < o.Concurrency; i++)
        {
            int vu = i;
            tasks[i] = Task.Run(() => Vu(vu));
        }
        var all = Task.WhenAll(tasks);
        if (o.Progress)
        {
            _ = Task.Run(async () =>
            {
                long prev = 0;
                for (int sec = 1; !all.IsCompleted; sec++)
                {
                    await Task.WhenAny(Task.Delay(1000), all).ConfigureAwait(false);
                    if (all.IsCompleted) break;
                    long now = 0, errs = 0;
                    foreach (var s in stats) if (s is not null) { now += Volatile.Read(ref s.AllTurns); errs += Volatile.Read(ref s.Errors); }
                    Console.WriteLine($"  t={sec,3}s {now - prev,8} turns/s  (errors so far {errs})");
                    prev = now;
                }
            });
        }

        // Sample CPU at the window edges.
        await DelayUntil(tStart, all).ConfigureAwait(false);
        long wStart = Math.Max(tStart, Stopwatch.GetTimestamp());
        double cpu0 = CpuSeconds();
        var srv0 = ReadServersCpu(o.ServerPids);
        var mach0 = ReadMachineBusy();
        await DelayUntil(tEnd, all).ConfigureAwait(false);
        long wEnd = Math.Min(tEnd, Stopwatch.GetTimestamp());
        double cpu1 = CpuSeconds();
        var srv1 = ReadServersCpu(o.ServerPids);
        var mach1 = ReadMachineBusy();
        await all.ConfigureAwait(false);

        double window = (wEnd - wStart) / (double)freq;
        if (window <= 0) window = 1e-9;

        // Merge.
        long turns = 0, errors = 0, httpErr = 0, trErr = 0, noRep = 0, badBody = 0, chk = 0, convs = 0;
        var perTurn = new List<int>[script.Length];
        for (int t = 0; t < script.Length; t++) perTurn[t] = new List<int>();
        foreach (var s in stats)
        {
            turns += s.Turns; errors += s.Errors; httpErr += s.HttpErrors; trErr += s.TransportErrors;
            noRep += s.NoReplies; badBody += s.BadBody; chk += s.CheckFailures; convs += s.Conversations;
            for (int t = 0; t < script.Length; t++) perTurn[t].AddRange(s.LatUs[t]);
        }
        var allLat = perTurn.SelectMany(x => x).ToArray();
        Array.Sort(allLat);

        double clientCpu = cpu1 - cpu0;
        // Nearest-rank percentile of a sorted array of microseconds, in milliseconds.
        static double Pct(int[] sorted, double p)
        {
            if (sorted.Length == 0) return double.NaN;
            int idx = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(idx, 0, sorted.Length - 1)] / 1000.0;
        }
        double mean = allLat.Length == 0 ? double.NaN : allLat.Average() / 1000.0;

        Console.WriteLine($"window {window:F2}s  turns {turns}  conversations {convs}  errors {errors}" +
                          $" (http {httpErr}, transport {trErr}, no-replies {noRep}, bad-body {badBody}, check {chk})");
        Console.WriteLine($"throughput  {turns / window:F1} turns/s   {convs / window:F2} conversations/s");
        Console.WriteLine($"latency ms  p50 {Pct(allLat, 50):F2}  p90 {Pct(allLat, 90):F2}  p99 {Pct(allLat, 99):F2}  max {Pct(allLat, 100):F2}  mean {mean:F2}");
        Console.WriteLine("per turn    (p50 / p99 ms)");
        for (int t = 0; t < script.Length; t++)
        {
            var a = perTurn[t].ToArray();
            Array.Sort(a);
            Console.WriteLine($"  {t + 1,2} {script[t].Text,-20} n={a.Length,-8} {Pct(a, 50),8:F2} / {Pct(a, 99),8:F2}");
        }
        Console.WriteLine($"client cpu  {clientCpu:F2}s = {100 * clientCpu / window:F0}% of one core");
        // Whole-machine busy CPU over the window, and what is left after client (+ server): a check that
        // nothing else on the box disturbed the run.
        double machBusy = (mach0.HasValue && mach1.HasValue) ? mach1.Value - mach0.Value : double.NaN;

        string serverPart = "";
        if (o.ServerPid > 0)
        {
            long rssKb = 0, hwmKb = 0;
            foreach (var pid in o.ServerPids) { var (r, h) = ReadRss(pid); rssKb += r; hwmKb += h; }
            double srvCpu = (srv0.HasValue && srv1.HasValue) ? (srv1.Value - srv0.Value) : double.NaN;
            double msPerTurn = turns > 0 ? 1000 * srvCpu / turns : double.NaN;
            Console.WriteLine($"server pid {string.Join(",", o.ServerPids)}: cpu {srvCpu:F2}s = {100 * srvCpu / window:F0}% of one core, " +
                              $"{msPerTurn:F3} cpu-ms/turn, rss {rssKb / 1024.0:F1} MiB (peak {hwmKb / 1024.0:F1} MiB)");
            serverPart = string.Create(ci, $" server_cpu_s={srvCpu:F2} server_cpu_pct={100 * srvCpu / window:F1} server_cpu_ms_per_turn={msPerTurn:F3} server_rss_mb={rssKb / 1024.0:F1} server_hwm_mb={hwmKb / 1024.0:F1}");
            machBusy -= srvCpu;
        }
        double otherPct = 100 * (machBusy - clientCpu) / window;
        Console.WriteLine($"other cpu   {otherPct:F1}% of one core (machine busy time not used by this client{(o.ServerPid > 0 ? " or the server" : "")})");
        serverPart += string.Create(ci, $" other_cpu_pct={otherPct:F1}");

        lock (ErrLock)
        {
            if (ErrorSamples.Count > 0)
            {
                Console.WriteLine("first errors:");
                foreach (var e in ErrorSamples) Console.WriteLine("  " + e);
            }
        }

        string label = string.IsNullOrEmpty(o.Label) ? "-" : o.Label.Replace(' ', '_');
        Console.WriteLine(string.Create(ci,
            $"RESULT label={label} url={o.Url} concurrency={o.Concurrency} window_s={window:F2} turns={turns} conversations={convs} " +
            $"turns_per_s={turns / window:F1} convs_per_s={convs / window:F2} p50_ms={Pct(allLat, 50):F2} p90_ms={Pct(allLat, 90):F2} " +
            $"p99_ms={Pct(allLat, 99):F2} max_ms={Pct(allLat, 100):F2} mean_ms={mean:F2} errors={errors} check_failures={chk} " +
            $"client_cpu_s={clientCpu:F2} client_cpu_pct={100 * clientCpu / window:F1}{serverPart}"));

        // Non-zero exit if nothing succeeded, so scripts notice a dead target.
        return turns > 0 ? 0 : 1;
    }

    static async Task DelayUntil(long ts, Task all)
    {
        long now = Stopwatch.GetTimestamp();
        if (ts <= now) return;
        var ms = (ts - now) * 1000 / Stopwatch.Frequency;
        await Task.WhenAny(Task.Delay(TimeSpan.FromMilliseconds(ms)), all).ConfigureAwait(false);
        while (!all.IsCompleted && Stopwatch.GetTimestamp() < ts) await Task.Delay(1).ConfigureAwait(false);
    }

    static void RecordError(string msg)
    {
        lock (ErrLock) { if (ErrorSamples.Count < 8) ErrorSamples.Add(msg); }
    }

    static string Excerpt(byte[] body, bool full)
    {
        string s = Encoding.UTF8.GetString(body);
        int max = full ? 4000 : 160;
        return s.Length <= max ? s : s[..max] + "...";
    }

    /// <summary>Returns (kind, failure) with failure == null when the reply is acceptable.</summary>
    static (string, string?) Validate(byte[] body, Turn turn, Options o)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body); }
        catch (JsonException) { return ("body", "response is not JSON: " + Excerpt(body, o.Verbose)); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object ||
                !doc.RootElement.TryGetProperty("activities", out var acts) || acts.ValueKind != JsonValueKind.Array)
                return ("body", "no 'activities' array (not an expectReplies response): " + Excerpt(body, o.Verbose));
            if (acts.GetArrayLength() < 1) return ("noreplies", "0 reply activities");
            if (!o.Check) return ("", null);

            StringBuilder? texts = o.CheckContent ? new StringBuilder() : null;
            int messagesWithText = 0;
            foreach (var a in acts.EnumerateArray())
            {
                if (a.ValueKind != JsonValueKind.Object) return ("check", "reply activity is not an object");
                if (!a.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                    return ("check", "reply activity without a type");
                if (type.ValueEquals("message") && a.TryGetProperty("text", out var text) &&
                    text.ValueKind == JsonValueKind.String && text.GetString()!.Trim().Length > 0)
                {
                    messagesWithText++;
                    texts?.Append(text.GetString()).Append('\n');
                }
            }
            if (messagesWithText == 0) return ("check", "no message activity with text: " + Excerpt(body, o.Verbose));
            if (texts is not null && turn.Keywords.Length > 0)
            {
                string all = texts.ToString();
                bool hit = turn.Keywords.Any(k => all.Contains(k, StringComparison.OrdinalIgnoreCase));
                if (!hit)
                    return ("check", $"reply text lacks any of [{string.Join(", ", turn.Keywords)}]: \"{Trunc(all.Replace('\n', ' '), o.Verbose ? 4000 : 160)}\"");
            }
            return ("", null);
        }
    }

    static string Trunc(string s, int n) => s.Length <= n ? s : s[..n] + "...";

    static void WriteActivity(IBufferWriter<byte> buf, Options o, string convId, int turn, string text)
    {
        using var w = new Utf8JsonWriter(buf);
        w.WriteStartObject();
        w.WriteString("type", "message");
        w.WriteString("id", $"{convId}-{turn + 1}");
        w.WriteString("timestamp", DateTime.UtcNow);
        w.WriteString("serviceUrl", o.ServiceUrl);
        w.WriteString("channelId", o.Channel);
        w.WriteStartObject("from");
        w.WriteString("id", "user-" + convId); // one user per conversation (so UserState grows like real traffic)
        w.WriteString("name", "Load Test User");
        w.WriteString("role", "user");
        w.WriteEndObject();
        w.WriteStartObject("conversation");
        w.WriteString("id", convId);
        w.WriteEndObject();
        w.WriteStartObject("recipient");
        w.WriteString("id", "bot");
        w.WriteString("name", "Bot");
        w.WriteString("role", "bot");
        w.WriteEndObject();
        w.WriteString("text", text);
        w.WriteString("textFormat", "plain");
        w.WriteString("locale", "en-US");
        w.WriteString("deliveryMode", "expectReplies");
        w.WriteEndObject();
        w.Flush();
    }

    static Turn[] LoadScript(string path)
    {
        var turns = new List<Turn>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int bar = line.LastIndexOf('|');
            string text = bar < 0 ? line : line[..bar].Trim();
            string[] kws = bar < 0 ? [] : line[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            turns.Add(new Turn(text, kws));
        }
        if (turns.Count == 0) throw new ArgumentException($"script {path} has no turns");
        return turns.ToArray();
    }

    /// <summary>CPU seconds of the given processes and all their live descendants (null when none is readable).</summary>
    static double? ReadServersCpu(int[] pids)
    {
        if (pids.Length == 0) return null;
        double total = 0;
        bool any = false;
        var seen = new HashSet<int>();
        var queue = new Queue<int>(pids);
        while (queue.Count > 0)
        {
            int pid = queue.Dequeue();
            if (!seen.Add(pid)) continue;
            if (ReadProcStat(pid) is { } cpu) { total += cpu; any = true; }
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                    foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        queue.Enqueue(int.Parse(child, CultureInfo.InvariantCulture));
            }
            catch { }
        }
        return any ? total : null;
    }

    /// <summary>utime+stime of a process in seconds (USER_HZ assumed 100, as on all mainstream Linux builds).</summary>
    static double? ReadProcStat(int pid)
    {
        if (pid <= 0) return null;
        try
        {
            string s = File.ReadAllText($"/proc/{pid}/stat");
            int rp = s.LastIndexOf(')');
            var f = s[(rp + 2)..].Split(' ');
            // after "pid (comm) ": f[0]=state(3) ... utime is field 14 -> f[11], stime 15 -> f[12]
            long ut = long.Parse(f[11], CultureInfo.InvariantCulture), stt = long.Parse(f[12], CultureInfo.InvariantCulture);
            return (ut + stt) / 100.0;
        }
        catch { return null; }
    }

    /// <summary>Busy CPU seconds of the whole machine (all cores) from /proc/stat.</summary>
    static double? ReadMachineBusy()
    {
        try
        {
            string first = File.ReadLines("/proc/stat").First();
            var f = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            foreach (int i in new[] { 1, 2, 3, 6, 7, 8 }) busy += long.Parse(f[i], CultureInfo.InvariantCulture);
            return busy / 100.0;
        }
        catch { return null; }
    }

    static (long rssKb, long hwmKb) ReadRss(int pid)
    {
        long rss = -1, hwm = -1;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:")) rss = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                else if (line.StartsWith("VmHWM:")) hwm = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        catch { }
        return (rss, hwm);
    }
}
