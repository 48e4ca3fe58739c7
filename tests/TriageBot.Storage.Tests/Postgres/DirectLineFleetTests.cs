using System.Globalization;
using System.Net;
using System.Text.Json;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;
using TriageBot.Testing.Postgres;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>
/// Two TriageBot processes on one PostgreSQL database, Direct Line as Web Chat uses it: the WebSocket held on one
/// instance while the patient posts every answer on the other, the same answer sent to both at once, and an instance
/// killed with SIGKILL mid-conversation. The patient must see every activity once, in order, on the stream, and get
/// the same replies and disposition as from one instance.
/// </summary>
public sealed class DirectLineFleetTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AStreamHeldOnOneInstance_ShowsEveryTurnPostedOnTheOther_ThenTheReverse_ToTheSameDispositionAsOnOneInstance()
    {
        await using var fleet = await Fleet.StartAsync(fixture, "a", "b");
        var (a, b) = (fleet["a"], fleet["b"]);
        var alone = await WalkAsync(a, (_, _) => (a, a));

        var half = DirectLinePatient.RoutineWalk.Count / 2;
        var apart = await WalkAsync(b, (i, _) => i < half ? (a, b) : (b, a));

        Assert.NotNull(alone.Outcome);
        Assert.Equal(alone.Outcome, apart.Outcome);
        Assert.Equal(alone.BotTexts, apart.BotTexts);
    }

    [Fact]
    public async Task OneAnswerSentToBothInstancesAtOnce_IsOneTurnWithOneReply()
    {
        await using var fleet = await Fleet.StartAsync(fixture, "a", "b");
        var (a, b) = (fleet["a"], fleet["b"]);
        var alone = await WalkAsync(a, (_, _) => (a, a));

        var doubled = await WalkAsync(a, (i, _) => (a, b), doubleSend: i => i % 3 == 1 ? a : null);

        Assert.True(doubled.DoubleSends > 5, "The walk must double-send several answers.");
        Assert.Equal(alone.Outcome, doubled.Outcome);
        Assert.Equal(alone.BotTexts, doubled.BotTexts);
    }

    [Fact]
    public async Task Kill9OfEitherInstance_MidConversation_TheOtherCarriesOn_WithNoTurnOrReplyLostOrDuplicated()
    {
        await using var fleet = await Fleet.StartAsync(fixture, "a", "b");
        var alone = await WalkAsync(fleet["a"], (_, _) => (fleet["a"], fleet["a"]));
        var third = DirectLinePatient.RoutineWalk.Count / 3;

        var survived = await WalkAsync(fleet["a"], async (i, walk) =>
        {
            if (i == third)
            {
                // The instance taking the posts dies; the page's last post is retried on the other (same client id).
                await fleet.KillAsync("b");
                await walk.RetryLastAsync(fleet["a"]);
                await fleet.StartAsync("b2");
            }
            else if (i == 2 * third)
            {
                // The instance holding the socket dies: the page reconnects, with its watermark, on the other.
                await fleet.KillAsync("a");
            }

            return i < third ? (fleet["a"], fleet["b"]) : i < 2 * third ? (fleet["a"], fleet["a"]) : (fleet["b2"], fleet["b2"]);
        });

        Assert.Equal(alone.Outcome, survived.Outcome);
        Assert.Equal(alone.BotTexts, survived.BotTexts);
    }

    private static Task<FleetWalk> WalkAsync(BotProcess startOn, Func<int, FleetWalk, (BotProcess Stream, BotProcess Post)> route, Func<int, BotProcess?>? doubleSend = null) =>
        WalkAsync(startOn, (i, w) => Task.FromResult(route(i, w)), doubleSend);

    /// <summary>
    /// Starts a conversation on <paramref name="startOn"/> and walks <see cref="DirectLinePatient.RoutineWalk"/>;
    /// before each answer <paramref name="route"/> says which instance holds the stream and which takes the post,
    /// and <paramref name="doubleSend"/> names a second instance the same post goes to at once.
    /// </summary>
    private static async Task<FleetWalk> WalkAsync(
        BotProcess startOn, Func<int, FleetWalk, Task<(BotProcess Stream, BotProcess Post)>> route, Func<int, BotProcess?>? doubleSend = null)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var walk = await FleetWalk.StartAsync(startOn, cancel.Token);
        await walk.SayAsync(FleetWalk.JoinEvent(walk.UserId), startOn, startOn, null, cancel.Token);
        for (var i = 0; i < DirectLinePatient.RoutineWalk.Count; i++)
        {
            var (stream, post) = await route(i, walk);
            await walk.SayAsync(walk.Message(DirectLinePatient.RoutineWalk[i]), stream, post, doubleSend?.Invoke(i), cancel.Token);
        }

        return walk;
    }

    /// <summary>Named TriageBot processes on one database, killed on dispose.</summary>
    private sealed class Fleet : IAsyncDisposable
    {
        private readonly Dictionary<string, BotProcess> _instances = new(StringComparer.Ordinal);
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("triagebot-dlfleet-");
        private string _connectionString = "";

        public BotProcess this[string name] => _instances[name];

        public static async Task<Fleet> StartAsync(PostgresFixture fixture, params string[] names)
        {
            var fleet = new Fleet { _connectionString = await fixture.Cluster.CreateDatabaseAsync() };
            await Task.WhenAll(names.Select(fleet.StartAsync));
            return fleet;
        }

        public async Task StartAsync(string name)
        {
            var instance = await BotProcess.StartAsync(new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Postgres",
                ["ConnectionStrings__TriageBot"] = _connectionString,
                ["Storage__DataDirectory"] = Path.Combine(_folder.FullName, name),
                ["DataProtection__KeysPath"] = Path.Combine(_folder.FullName, "keys"),
                ["Channels__DirectLine__Secret"] = DirectLineHost.Secret,

                // The walk sends answers to both instances as fast as it can (double-sends included), far faster than
                // a person taps; each instance keeps its own per-conversation post bucket, which is not under test here.
                ["Channels__DirectLine__PostRateLimit__TokenLimit"] = "1000",
                ["Channels__DirectLine__PostRateLimit__TokensPerPeriod"] = "1000",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            lock (_instances)
            {
                _instances[name] = instance;
            }
        }

        public async Task KillAsync(string name)
        {
            await _instances[name].KillAsync();
            Assert.True(_instances[name].HasExited, $"Instance {name} must be gone.");
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var instance in _instances.Values)
            {
                await instance.DisposeAsync();
            }

            _folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// One patient's page: its conversation, the socket it holds (on whichever instance), and every activity the
    /// socket delivered. After each post it checks the socket against a poll: the same activities, once, in order.
    /// </summary>
    private sealed class FleetWalk : IAsyncDisposable
    {
        private readonly List<Activity> _seen = [];
        private DirectLineSocket? _socket;
        private BotProcess? _socketOn;
        private long _watermark;
        private int _sequence;
        private string? _lastPost;
        private string? _lastId;

        private FleetWalk(string conversationId, string token, string userId)
        {
            ConversationId = conversationId;
            Token = token;
            UserId = userId;
        }

        public string ConversationId { get; }

        public string Token { get; }

        public string UserId { get; }

        public int DoubleSends { get; private set; }

        public string?[] BotTexts => [.. _seen.Where(a => a.From?.Role == RoleTypes.Bot && a.Type == ActivityTypes.Message).Select(a => a.Text)];

        public string? Outcome =>
            _seen.LastOrDefault(a => a.Type == ActivityTypes.Event && a.Name == "triage.outcome")?.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("level", out var level) ? level.GetString() : null;

        public static async Task<FleetWalk> StartAsync(BotProcess instance, CancellationToken cancellationToken)
        {
            using var client = new DirectLineClient(instance.BaseAddress);
            var userId = $"dl_{Guid.NewGuid():N}";
            var started = await client.StartWithTokenAsync(userId).WaitAsync(cancellationToken);
            return new FleetWalk(started.ConversationId, started.Token, userId);
        }

        public static string JoinEvent(string userId) =>
            $$"""{"type":"event","name":"webchat/join","value":{"language":"en-GB"},"from":{"id":"{{userId}}","role":"user"},"locale":"en-GB"}""";

        /// <summary>A typed answer (the button's value when the bot offered one titled so), with a new client activity id.</summary>
        public string Message(string answer)
        {
            var buttons = _seen.LastOrDefault(a => a.From?.Role == RoleTypes.Bot && a.SuggestedActions?.Actions is { Count: > 0 })?.SuggestedActions!.Actions!;
            var text = buttons?.FirstOrDefault(b => b.Title == answer)?.Value is { ValueKind: JsonValueKind.String } value ? value.GetString()! : answer;
            return DirectLineClient.WebChatMessage(JsonEncodedText.Encode(text).ToString(), $"fleet-{++_sequence}", UserId);
        }

        /// <summary>
        /// Posts <paramref name="json"/> on <paramref name="post"/> (and at once on <paramref name="alsoOn"/>) with the
        /// socket held on <paramref name="stream"/>; then the socket must deliver exactly what a poll finds.
        /// </summary>
        public async Task SayAsync(string json, BotProcess stream, BotProcess post, BotProcess? alsoOn, CancellationToken cancellationToken)
        {
            await HoldSocketOnAsync(stream, cancellationToken);
            using var poster = new DirectLineClient(post.BaseAddress);
            _lastPost = json;
            if (alsoOn is null)
            {
                var answer = await poster.PostAsync(ConversationId, Token, json).WaitAsync(cancellationToken);
                Assert.True(answer.Status == HttpStatusCode.OK, $"A post answered {(int)answer.Status}: {answer.Body}");
                _lastId = answer.Json.GetProperty("id").GetString();
            }
            else
            {
                using var other = new DirectLineClient(alsoOn.BaseAddress);
                var both = await Task.WhenAll(poster.PostAsync(ConversationId, Token, json), other.PostAsync(ConversationId, Token, json)).WaitAsync(cancellationToken);
                Assert.All(both, answer => Assert.True(answer.Status == HttpStatusCode.OK, $"A double-sent post answered {(int)answer.Status}: {answer.Body}"));
                Assert.Equal(both[0].Json.GetProperty("id").GetString(), both[1].Json.GetProperty("id").GetString());
                _lastId = both[0].Json.GetProperty("id").GetString();
                DoubleSends++;
            }

            await CheckStreamAgainstPollAsync(poster, cancellationToken);
        }

        /// <summary>The page's last post again on <paramref name="instance"/> (its answer was lost): the same id, and nothing new in the log.</summary>
        public async Task RetryLastAsync(BotProcess instance)
        {
            using var client = new DirectLineClient(instance.BaseAddress);
            var retried = await client.PostAsync(ConversationId, Token, _lastPost!);
            Assert.True(retried.Status == HttpStatusCode.OK, $"The retry answered {(int)retried.Status}: {retried.Body}");
            Assert.Equal(_lastId, retried.Json.GetProperty("id").GetString());
            var after = await client.GetActivitiesAsync(ConversationId, Token, _watermark.ToString(CultureInfo.InvariantCulture));
            Assert.Empty(after.Activities);
        }

        public async ValueTask DisposeAsync()
        {
            if (_socket is not null)
            {
                await _socket.DisposeAsync();
            }
        }

        /// <summary>The socket on <paramref name="instance"/>: kept if it is already there, else (re)connected with the watermark, as DirectLineJS does.</summary>
        private async Task HoldSocketOnAsync(BotProcess instance, CancellationToken cancellationToken)
        {
            if (_socketOn == instance && !instance.HasExited)
            {
                return;
            }

            if (_socket is not null)
            {
                await _socket.DisposeAsync();
            }

            using var client = new DirectLineClient(instance.BaseAddress);
            var reconnect = await client.ReconnectAsync(ConversationId, Token, _watermark == 0 ? null : _watermark.ToString(CultureInfo.InvariantCulture));
            Assert.True(reconnect.Status == HttpStatusCode.OK, $"Reconnect answered {(int)reconnect.Status}: {reconnect.Body}");
            _socket = await DirectLineSocket.ConnectAsync(new Uri(reconnect.Json.GetProperty("streamUrl").GetString()!), cancellationToken);
            _socketOn = instance;
        }

        private async Task CheckStreamAgainstPollAsync(DirectLineClient poster, CancellationToken cancellationToken)
        {
            var from = _watermark.ToString(CultureInfo.InvariantCulture);
            var polled = new List<Activity>();
            var watermark = from;
            while (true)
            {
                var page = await poster.GetActivitiesAsync(ConversationId, Token, watermark);
                polled.AddRange(page.Activities);
                if (page.Watermark == watermark || page.Activities.Count == 0)
                {
                    break;
                }

                watermark = page.Watermark;
            }

            var target = long.Parse(watermark!, CultureInfo.InvariantCulture);
            var streamed = new List<Activity>();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(Patience);
            while (_watermark < target)
            {
                var frame = await _socket!.ReceiveAsync(wait.Token);
                Assert.False(frame.IsClose, $"The stream closed ({frame.CloseStatus} {frame.CloseDescription}) before watermark {target}.");
                streamed.AddRange(frame.Activities.Where(a => a.Type != ActivityTypes.Typing));
                if (frame.Watermark is { } w && long.TryParse(w, CultureInfo.InvariantCulture, out var number) && number > _watermark)
                {
                    _watermark = number;
                }
            }

            Assert.Equal(polled.Select(a => a.Id), streamed.Select(a => a.Id));
            _seen.AddRange(streamed);
        }
    }
}
