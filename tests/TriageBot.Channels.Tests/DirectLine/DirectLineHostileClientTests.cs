using TriageBot.Channels.DirectLine;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>
/// The real triage bot over Direct Line while a hostile client floods the service with tokens, conversations,
/// activities of the largest size, rapid posts, uploads and sockets: a patient already in conversation finishes
/// the walk to a disposition, the flood only ever gets clear refusals, and the bounds hold. A patient arriving
/// during the flood can start too: the flood's address holds at most its own share of the conversations.
/// </summary>
public sealed class DirectLineHostileClientTests : IAsyncLifetime
{
    private const int MaxConversations = 12;
    private const int MaxConversationsPerClient = 4;

    private DirectLineHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineHost.StartAsync(new Dictionary<string, string?>
    {
        ["Channels:DirectLine:MaxConversations"] = $"{MaxConversations}",
        ["Channels:DirectLine:MaxConversationsPerClient"] = $"{MaxConversationsPerClient}",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PatientConversation_CompletesWhileAHostileClientFloods()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var patient = new DirectLinePatient(_host.Client, "dl_patient");
        await patient.BeginAsync(guard.Token);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
        // The flood comes from another machine, as it would; the patient is on this one.
        using var attacker = new DirectLineClient(_host.BaseAddress, forwardedFor: "203.0.113.66");
        var hostile = new DirectLineHostileClient(attacker, new DirectLineOptions().MaxActivityBytes);
        var flood = hostile.RunAsync(posters: 2, uploads: true, stop.Token);

        // Mid-walk, once the flood has filled every conversation slot and met the post rate limit.
        await patient.AnswerAsync(DirectLinePatient.RoutineWalk.Take(8), guard.Token);
        await Task.WhenAll(hostile.ConversationRefused, hostile.PostRefused).WaitAsync(guard.Token);
        await patient.AnswerAsync(DirectLinePatient.RoutineWalk.Skip(8), guard.Token);
        await stop.CancelAsync();
        await flood;

        Assert.Equal("routine", patient.Outcome);
        var store = _host.Get<DirectLineConversationStore>();
        Assert.InRange(store.Count, 1, MaxConversations);
        Assert.InRange(store.Bytes, 0, new DirectLineOptions().MaxTotalBytes);

        // Refusals only, each a clear one: 403 uploads off, 413 too big, 429 too fast or too many, 503 full. Never a 5xx crash.
        Assert.All(hostile.Statuses.Keys, status => Assert.Contains(status, new[] { 200, 201, 403, 413, 429, 503 }));
    }

    [Fact]
    public async Task NewPatient_ArrivingWhileOneClientFloodsAndHoldsStreams_StartsAndFinishes()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
        using var attacker = new DirectLineClient(_host.BaseAddress, forwardedFor: "203.0.113.66");
        var hostile = new DirectLineHostileClient(attacker, new DirectLineOptions().MaxActivityBytes);
        var flood = hostile.RunAsync(posters: 2, uploads: false, stop.Token);

        // The flood holds sockets open and has been told it may start no more.
        await Task.WhenAll(hostile.ConversationRefused, hostile.SocketHeld).WaitAsync(guard.Token);
        using var newcomer = new DirectLineClient(_host.BaseAddress, forwardedFor: "198.51.100.7");
        var patient = new DirectLinePatient(newcomer, "dl_newcomer");
        var outcome = await patient.WalkAsync(guard.Token);
        var held = _host.Get<DirectLineConversationStore>().Count;
        await stop.CancelAsync();
        await flood;

        Assert.Equal("routine", outcome);
        Assert.InRange(held, 1, MaxConversationsPerClient + 1);
        Assert.True(hostile.Statuses.ContainsKey(429), hostile.Summary());
        Assert.All(hostile.Statuses.Keys, status => Assert.Contains(status, new[] { 200, 201, 413, 429 }));
    }
}
