using System.Net.WebSockets;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// One open stream: send the backlog, then each new activity as an ActivitySet frame, and an empty frame whenever
/// the socket has been quiet for the keep-alive interval. The client's own frames (DirectLineJS sends <c>""</c>
/// every 20 s) are read and ignored; only its close matters. One sender and one receiver, as WebSocket requires.
/// </summary>
internal sealed class DirectLineStreamSession(WebSocket socket, DirectLineSubscription subscription, TimeSpan keepAlive, TimeProvider timeProvider)
{
    /// <summary>A client that cannot take a frame in this time is gone; its socket is aborted.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the client's answer to our close.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private volatile bool _clientClosed;

    /// <summary>Runs until the client leaves, the conversation ends the stream, or <paramref name="stopping"/>; returns why.</summary>
    public async Task<string> RunAsync(CancellationToken stopping)
    {
        // Two tokens: 'done' ends the sending side; the receiving side keeps reading until the close handshake is over.
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var stopReceiving = new CancellationTokenSource();
        var receiving = ReceiveUntilClosedAsync(done, stopReceiving.Token);
        string reason;
        try
        {
            foreach (var page in subscription.Backlog.Chunk(subscription.PageSize))
            {
                await SendAsync(ActivitySetJson.Write(page, page[^1].Sequence), done.Token);
            }

            reason = await PumpAsync(done.Token);
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            reason = _clientClosed ? "client-closed" : stopping.IsCancellationRequested ? "server-stopping" : "connection-lost";
        }
        catch (WebSocketException)
        {
            reason = "connection-lost";
        }

        await CloseAsync(reason);
        try
        {
            await receiving.WaitAsync(CloseTimeout, timeProvider, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // The client never answered our close; stop listening for it.
        }

        await stopReceiving.CancelAsync();
        await receiving;
        return reason;
    }

    private async Task<string> PumpAsync(CancellationToken cancellationToken)
    {
        var batch = new List<DirectLineEntry>();
        while (true)
        {
            using var idle = new CancellationTokenSource(keepAlive, timeProvider);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
            bool open;
            try
            {
                open = await subscription.Pending.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                await SendAsync([], cancellationToken);
                continue;
            }

            if (!open)
            {
                return subscription.EndReason switch
                {
                    StreamEnd.Superseded => "superseded",
                    StreamEnd.Overflow => "overflow",
                    _ => "deleted",
                };
            }

            // A burst goes out a page per frame; what is left is read on the next round.
            batch.Clear();
            while (batch.Count < subscription.PageSize && subscription.Pending.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await SendAsync(ActivitySetJson.Write(batch, batch[^1].Sequence), cancellationToken);
        }
    }

    private async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(SendTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, linked.Token);
    }

    /// <summary>Answers the client's close, or starts one with a reason; DirectLineJS reconnects after any close.</summary>
    private async Task CloseAsync(string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        var (status, description) = reason switch
        {
            "client-closed" => (WebSocketCloseStatus.NormalClosure, ""),
            "superseded" => (WebSocketCloseStatus.PolicyViolation, "collision"),
            "overflow" => (WebSocketCloseStatus.PolicyViolation, "too slow"),
            "deleted" => (WebSocketCloseStatus.NormalClosure, "conversation ended"),
            _ => (WebSocketCloseStatus.EndpointUnavailable, "going away"),
        };
        using var timeout = new CancellationTokenSource(CloseTimeout, timeProvider);
        try
        {
            await socket.CloseOutputAsync(status, description, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client is already gone; nothing to tell it.
        }
    }

    /// <summary>Reads (and ignores) frames until the client closes or the connection fails, then ends the sending side.</summary>
    private async Task ReceiveUntilClosedAsync(CancellationTokenSource done, CancellationToken stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, stop);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _clientClosed = true;
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Lost, or told to stop listening: either way the session is over.
        }

        await done.CancelAsync();
    }
}
