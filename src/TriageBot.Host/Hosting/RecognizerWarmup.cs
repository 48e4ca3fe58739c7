using System.Diagnostics;
using TriageBot.Recognizers;

namespace TriageBot.Host.Hosting;

/// <summary>
/// At startup, before the server takes requests: builds the official Microsoft.Recognizers.Text English models the
/// recognizers use (about a second, once per process), so the first patient's answer is not the one that waits.
/// </summary>
internal sealed partial class RecognizerWarmup(ILogger<RecognizerWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        RecognizerStartup.Warm();
        Warmed(logger, (long)clock.Elapsed.TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4900, EventName = "RecognizersWarmed", Level = LogLevel.Information, Message = "Recognizer models built in {ElapsedMs} ms")]
    private static partial void Warmed(ILogger logger, long elapsedMs);
}
