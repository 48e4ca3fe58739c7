using System.Diagnostics;
using System.Globalization;
using TriageBot.Benchmarks;

// hostile-directline: the Direct Line load test (HostileDirectLineBench); exits 1 when memory passes its ceiling.
if (args.Length > 0 && args[0] == "hostile-directline")
{
    return await HostileDirectLineBench.RunAsync(args[1..]);
}

// hostile-client: the flood itself, started by hostile-directline as a separate process.
if (args.Length > 0 && args[0] == HostileClientProcess.Mode)
{
    return await HostileClientProcess.RunChildAsync(args[1..]);
}

// Plays whole conversations through the real TurnRunner, DialogManager, prompts and recognizers on the in-memory
// store, and reports CPU microseconds and allocated bytes per turn (the dialog state's JSON is most of both) and
// the size of a typical saved conversation state.
// Usage: dotnet run -c Release --project tests/TriageBot.Benchmarks [conversations]
//        dotnet run -c Release --project tests/TriageBot.Benchmarks -- hostile-directline [--seconds 30] [--patients 4] [--posters 8]
var conversations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 12_000;
var bench = new DialogTurnBench();

await bench.RunAsync(500); // warm-up: JIT, tiered compilation
var process = Process.GetCurrentProcess();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var cpuBefore = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
var turns = await bench.RunAsync(conversations);
wall.Stop();
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"turns={turns} conversations={conversations} cpu_us_per_turn={cpu.TotalMicroseconds / turns:F1} wall_us_per_turn={wall.Elapsed.TotalMicroseconds / turns:F1} allocated_bytes_per_turn={allocated / turns} state_bytes_mid_conversation={bench.TypicalStateBytes}"));
return 0;
