using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TriageBot.Host.Tests.Referrals;

/// <summary>
/// A clinic's webhook receiver on real Kestrel (loopback): it checks each POST's HMAC signature, records every
/// Idempotency-Key it is sent, and files a referral once per key (a repeat is answered 200 and filed again never).
/// It can hold its answer to the first delivery after filing it, until the caller goes away: the moment a crash of
/// the sender leaves the outbox not knowing that the clinic already has the referral. Senders that say who they are
/// (a <c>?via=</c> on the URL they were given) are recorded, and <see cref="BeforeAnswer"/> lets a test hold answers.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret-0123456789-abcdefghij";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _filed = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holdFirst;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url => new(new Uri(_app.Urls.First()), "/clinic/referrals");

    /// <summary>Every request, in arrival order: its Idempotency-Key and whether its signature checked out.</summary>
    public ConcurrentQueue<(string Key, bool SignatureValid)> Requests { get; } = new();

    /// <summary>Every signed request, in arrival order: its Idempotency-Key and the sender's <c>via</c> (empty if none).</summary>
    public ConcurrentQueue<(string Key, string Via)> Senders { get; } = new();

    /// <summary>Awaited after a delivery is filed and before it is answered (with the request's abort token), when set.</summary>
    public Func<(string Key, string Via), CancellationToken, Task>? BeforeAnswer { get; set; }

    /// <summary>The referrals filed, by Idempotency-Key, each with the body it came with.</summary>
    public IReadOnlyDictionary<string, string> Filed => _filed;

    /// <summary>Completes when the first delivery was filed (and, if held, is being held).</summary>
    public Task FirstArrived => _firstArrived.Task;

    public static async Task<WebhookReceiver> StartAsync(bool holdFirstAnswer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var receiver = new WebhookReceiver(app) { _holdFirst = holdFirstAnswer ? 1 : 0 };
        app.MapPost("/clinic/referrals", (Delegate)receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var valid = SignatureIsValid(context.Request.Headers["X-TriageBot-Signature"].ToString(), body);
        Requests.Enqueue((key, valid));
        if (!valid || key.Length == 0)
        {
            return Results.Unauthorized();
        }

        var via = context.Request.Query["via"].ToString();
        Senders.Enqueue((key, via));
        _filed.TryAdd(key, Encoding.UTF8.GetString(body));
        _firstArrived.TrySetResult();
        if (BeforeAnswer is { } beforeAnswer)
        {
            await beforeAnswer((key, via), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (Interlocked.Exchange(ref _holdFirst, 0) == 1)
        {
            // Filed, but the answer never leaves: the sender is killed while it waits.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return Results.Ok();
    }

    private static bool SignatureIsValid(string header, byte[] body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var timestamp) || !parts.TryGetValue("v1", out var signature))
        {
            return false;
        }

        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature));
    }
}
