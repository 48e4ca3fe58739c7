using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TriageBot.Testing.DirectLine;

/// <summary>
/// A client trying to exhaust the Direct Line service, over real HTTP and WebSockets, until cancelled: tokens from
/// the secret as fast as it can, a new conversation with each, activities of the largest allowed size and larger
/// ones posted as fast as answers come, uploads, and many open sockets. It keeps a tally of the status codes it got,
/// and never stops on a refusal or a dropped connection (that is what it is there to cause).
/// </summary>
public sealed class DirectLineHostileClient(DirectLineClient client, int maxActivityBytes)
{
    /// <summary>Sockets held open at once (each replaces the oldest when full).</summary>
    private const int MaxSockets = 256;

    /// <summary>Conversations remembered to post to (the newest).</summary>
    private const int Remembered = 256;

    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentQueue<StartedConversation> _conversations = new();
    private readonly ConcurrentQueue<DirectLineSocket> _sockets = new();
    private readonly TaskCompletionSource _conversationRefused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _postRefused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _socketHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _requests;
    private long _connectionErrors;

    /// <summary>Completes once a new conversation was refused: 503, the server is full, or 429, this client is.</summary>
    public Task ConversationRefused => _conversationRefused.Task;

    /// <summary>Completes once a socket was opened and is being held.</summary>
    public Task SocketHeld => _socketHeld.Task;

    /// <summary>Completes once a post was refused for its rate (429).</summary>
    public Task PostRefused => _postRefused.Task;

    /// <summary>Status code → how many times it was answered.</summary>
    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests that got no HTTP answer at all (a reset connection, a refused socket).</summary>
    public long ConnectionErrors => Interlocked.Read(ref _connectionErrors);

    /// <summary>
    /// Runs every attack at once until <paramref name="stopping"/>: <paramref name="posters"/> loops posting, half
    /// as many (at least one) starting conversations, one posting to a single conversation as fast as it can, one
    /// opening sockets, one uploading.
    /// </summary>
    public async Task RunAsync(int posters, bool uploads, CancellationToken stopping)
    {
        var attacks = new List<Task> { LoopAsync(OpenSocketAsync, stopping), LoopAsync(HammerAsync, stopping) };
        attacks.AddRange(Enumerable.Range(0, Math.Max(1, posters / 2)).Select(_ => LoopAsync(StartConversationAsync, stopping)));
        attacks.AddRange(Enumerable.Range(0, posters).Select(_ => LoopAsync(PostAsync, stopping)));
        if (uploads)
        {
            attacks.Add(LoopAsync(UploadAsync, stopping));
        }

        await Task.WhenAll(attacks);
        while (_sockets.TryDequeue(out var socket))
        {
            await socket.DisposeAsync();
        }
    }

    public string Summary() =>
        $"requests={Requests} connection_errors={ConnectionErrors} statuses=" +
        string.Join(",", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"));

    private async Task LoopAsync(Func<CancellationToken, Task> attack, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await attack(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException or OperationCanceledException or InvalidOperationException)
            {
                Interlocked.Increment(ref _connectionErrors);
            }
        }
    }

    private async Task StartConversationAsync(CancellationToken stopping)
    {
        var userId = $"dl_hostile-{Guid.NewGuid():N}";
        var generated = Count(await client.GenerateTokenAsync(DirectLineHost.Secret, userId));
        if (generated.Status != HttpStatusCode.OK)
        {
            // Refused (429 from the per-client limit): a flood does not stop there, it only spins a little slower.
            await Task.Delay(TimeSpan.FromMilliseconds(50), stopping);
            return;
        }

        var started = Count(await client.StartAsync(generated.Json.GetProperty("token").GetString()!));
        if (started.Status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
        {
            _conversationRefused.TrySetResult();

            // Try again when told: a client that ignores Retry-After only spins here, so spin a little slower.
            await Task.Delay(TimeSpan.FromMilliseconds(50), stopping);
            return;
        }

        if (started.Status == HttpStatusCode.Created)
        {
            _conversations.Enqueue(StartedConversation.From(started.Json, userId));
            while (_conversations.Count > Remembered && _conversations.TryDequeue(out _))
            {
            }
        }
    }

    private async Task PostAsync(CancellationToken stopping)
    {
        if (!TryPick(out var target))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), stopping);
            return;
        }

        // Alternately the largest activity accepted and one just over the limit.
        var oversize = Random.Shared.Next(4) == 0;
        var text = new string('x', oversize ? maxActivityBytes + 1 : maxActivityBytes - 1024);
        var answer = Count(await client.PostAsync(target.ConversationId, target.Token, DirectLineClient.WebChatMessage(text, Guid.NewGuid().ToString("N"), target.UserId)));
        if (answer.Status == HttpStatusCode.TooManyRequests)
        {
            _postRefused.TrySetResult();
        }
    }

    /// <summary>Small posts, back to back, all to the oldest conversation remembered: what the post rate limit is for.</summary>
    private async Task HammerAsync(CancellationToken stopping)
    {
        if (!_conversations.TryPeek(out var target))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), stopping);
            return;
        }

        var answer = Count(await client.PostAsync(target.ConversationId, target.Token, DirectLineClient.WebChatMessage("again", Guid.NewGuid().ToString("N"), target.UserId)));
        if (answer.Status == HttpStatusCode.TooManyRequests)
        {
            _postRefused.TrySetResult();
        }
    }

    private async Task UploadAsync(CancellationToken stopping)
    {
        if (!TryPick(out var target))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), stopping);
            return;
        }

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(DirectLineClient.WebChatMessage("file", "up", target.UserId), Encoding.UTF8, "application/vnd.microsoft.activity"), "activity", "blob");
        for (var i = 0; i < 12; i++)
        {
            form.Add(new ByteArrayContent(new byte[64 * 1024]), "file", $"f{i}.bin");
        }

        Count(await client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Root}/conversations/{target.ConversationId}/upload", target.Token, form));
    }

    private async Task OpenSocketAsync(CancellationToken stopping)
    {
        if (!TryPick(out var target))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), stopping);
            return;
        }

        // A fresh streamUrl (they are short-lived and may be single-use), then a socket that is never read.
        var reconnect = Count(await client.ReconnectAsync(target.ConversationId, target.Token));
        if (reconnect.Status != HttpStatusCode.OK)
        {
            return;
        }

        var socket = await DirectLineSocket.ConnectAsync(new Uri(reconnect.Json.GetProperty("streamUrl").GetString()!), stopping);
        _sockets.Enqueue(socket);
        _socketHeld.TrySetResult();
        while (_sockets.Count > MaxSockets && _sockets.TryDequeue(out var oldest))
        {
            await oldest.DisposeAsync();
        }

        await Task.Delay(TimeSpan.FromMilliseconds(20), stopping);
    }

    private bool TryPick(out StartedConversation target)
    {
        var known = _conversations.ToArray();
        target = known.Length > 0 ? known[Random.Shared.Next(known.Length)] : null!;
        return known.Length > 0;
    }

    private DirectLineAnswer Count(DirectLineAnswer answer)
    {
        Interlocked.Increment(ref _requests);
        _statuses.AddOrUpdate((int)answer.Status, 1, (_, n) => n + 1);
        return answer;
    }
}
