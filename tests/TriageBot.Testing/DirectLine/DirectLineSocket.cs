using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using TriageBot.Schema;

namespace TriageBot.Testing.DirectLine;

/// <summary>
/// A real WebSocket on a <c>streamUrl</c>, read frame by frame as DirectLineJS reads it. Every wait takes a
/// cancellation token that only guards against a hang; nothing here sleeps or measures time.
/// </summary>
public sealed class DirectLineSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private DirectLineSocket(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    /// <summary>The watermark of the last frame that had one: what DirectLineJS reconnects with.</summary>
    public string? LastWatermark { get; private set; }

    public static async Task<DirectLineSocket> ConnectAsync(Uri streamUrl, CancellationToken cancellationToken, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await socket.ConnectAsync(streamUrl, cancellationToken);
            return new DirectLineSocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Tries to open <paramref name="streamUrl"/> and returns the HTTP status that refused the upgrade. Fails the
    /// test when the socket opens instead.
    /// </summary>
    public static async Task<HttpStatusCode> RefusedStatusAsync(Uri streamUrl, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(streamUrl, cancellationToken);
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }

        throw new InvalidOperationException("The stream URL opened a socket; it should have been refused.");
    }

    /// <summary>The next frame: an ActivitySet, an empty keep-alive, or the server's close.</summary>
    public async Task<StreamFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return StreamFrame.Closed(received.CloseStatus, received.CloseStatusDescription);
            }

            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        var text = Encoding.UTF8.GetString(message.ToArray());
        if (text.Length == 0)
        {
            return StreamFrame.KeepAlive;
        }

        var json = JsonDocument.Parse(text).RootElement;
        var activities = json.GetProperty("activities").EnumerateArray().Select(a => a.Deserialize(SchemaJsonContext.Default.Activity)!).ToList();
        var watermark = json.TryGetProperty("watermark", out var w) ? w.GetString() : null;
        LastWatermark = watermark ?? LastWatermark;
        return new StreamFrame(activities, watermark, false, null, null);
    }

    /// <summary>Activities from frames (skipping keep-alives) until <paramref name="count"/> have arrived.</summary>
    public async Task<IReadOnlyList<Activity>> ReceiveActivitiesAsync(int count, CancellationToken cancellationToken)
    {
        var activities = new List<Activity>();
        while (activities.Count < count)
        {
            var frame = await ReceiveAsync(cancellationToken);
            if (frame.IsClose)
            {
                throw new InvalidOperationException($"The stream closed after {activities.Count} of {count} activities.");
            }

            activities.AddRange(frame.Activities);
        }

        return activities;
    }

    /// <summary>Frames until one carries an activity matching <paramref name="match"/>; returns every activity seen.</summary>
    public async Task<IReadOnlyList<Activity>> ReceiveUntilAsync(Func<Activity, bool> match, CancellationToken cancellationToken)
    {
        var activities = new List<Activity>();
        while (!activities.Any(match))
        {
            var frame = await ReceiveAsync(cancellationToken);
            if (frame.IsClose)
            {
                throw new InvalidOperationException("The stream closed before the expected activity arrived.");
            }

            activities.AddRange(frame.Activities);
        }

        return activities;
    }

    /// <summary>Frames until the server closes the socket (keep-alives may come first); returns the close.</summary>
    public async Task<StreamFrame> ReceiveCloseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await ReceiveAsync(cancellationToken);
            if (frame.IsClose)
            {
                return frame;
            }
        }
    }

    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }

        _socket.Dispose();
    }
}

/// <summary>One frame from the stream.</summary>
public sealed record StreamFrame(IReadOnlyList<Activity> Activities, string? Watermark, bool IsKeepAlive, WebSocketCloseStatus? CloseStatus, string? CloseDescription)
{
    public static readonly StreamFrame KeepAlive = new([], null, true, null, null);

    public bool IsClose => CloseStatus is not null;

    public static StreamFrame Closed(WebSocketCloseStatus? status, string? description) =>
        new([], null, false, status ?? WebSocketCloseStatus.Empty, description);
}
