using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using TriageBot.Schema;

namespace TriageBot.Testing;

/// <summary>
/// The channel side of the Bot Connector protocol, as the Emulator plays it: a real HTTP server at a loopback
/// <c>serviceUrl</c> that records every activity the bot posts (with the raw request path, so escaping can be
/// checked) and answers 200 <c>{"id"}</c>, or whatever a test scripts with <see cref="Respond"/>.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedActivity> _accepted = new();
    private readonly ConcurrentQueue<ReceivedActivity> _requests = new();
    private readonly List<(Func<ReceivedActivity, bool> Match, TaskCompletionSource<ReceivedActivity> Signal)> _waiters = [];
    private WebApplication? _app;
    private int _sequence;

    private FakeChannel()
    {
    }

    /// <summary>The base URL to put in activities' <c>serviceUrl</c> (no trailing slash, like the Emulator's).</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Activities the channel accepted (2xx), in arrival order.</summary>
    public IReadOnlyList<ReceivedActivity> Received => [.. _accepted];

    /// <summary>Every request, accepted or refused, in arrival order.</summary>
    public IReadOnlyList<ReceivedActivity> Requests => [.. _requests];

    /// <summary>Scripts the answer to each request; by default every request gets 200 with a fresh id.</summary>
    public Func<ReceivedActivity, FakeResponse>? Respond { get; set; }

    public static async Task<FakeChannel> StartAsync()
    {
        var channel = new FakeChannel();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", channel.HandleAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", channel.HandleAsync);
        await app.StartAsync();
        channel._app = app;
        channel.ServiceUrl = app.Urls.First();
        return channel;
    }

    /// <summary>Waits until the bot has posted an activity that matches; the token only guards against a hang.</summary>
    public Task<ReceivedActivity> WaitForAsync(Func<ReceivedActivity, bool> match, CancellationToken cancellationToken)
    {
        lock (_waiters)
        {
            var existing = _accepted.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            var signal = new TaskCompletionSource<ReceivedActivity>(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => signal.TrySetCanceled(cancellationToken));
            _waiters.Add((match, signal));
            return signal.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var activity = await JsonSerializer.DeserializeAsync(context.Request.Body, SchemaJsonContext.Default.Activity, context.RequestAborted);
        var received = new ReceivedActivity(
            context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.ContentType,
            activity!,
            Interlocked.Increment(ref _sequence));
        _requests.Enqueue(received);
        var response = Respond?.Invoke(received) ?? FakeResponse.Ok();
        if (response.Delay is { } delay)
        {
            // A channel that hangs: the bot's attempt timeout ends the wait (RequestAborted), or the delay does.
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (response.Status is >= 200 and < 300)
        {
            Accept(received);
        }

        context.Response.StatusCode = response.Status;
        if (response.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (response.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        if (response.Body is { } body)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    private void Accept(ReceivedActivity received)
    {
        lock (_waiters)
        {
            _accepted.Enqueue(received);
            foreach (var waiter in _waiters.Where(w => w.Match(received)).ToList())
            {
                waiter.Signal.TrySetResult(received);
                _waiters.Remove(waiter);
            }
        }
    }
}

/// <summary>One activity the bot posted to the channel, with the raw path it used.</summary>
public sealed record ReceivedActivity(string RawPath, string? Authorization, string? ContentType, Activity Activity, int Sequence);

/// <summary>A scripted channel answer, optionally with a redirect <paramref name="Location"/> or after a <paramref name="Delay"/>.</summary>
public sealed record FakeResponse(int Status, string? Body = null, string? RetryAfter = null, string? Location = null, TimeSpan? Delay = null)
{
    public static FakeResponse Ok() => new(200, $$"""{"id":"{{Guid.NewGuid():N}}"}""");

    public static FakeResponse Error(int status, string code) =>
        new(status, $$$"""{"error":{"code":"{{{code}}}","message":"scripted failure"}}""");
}
