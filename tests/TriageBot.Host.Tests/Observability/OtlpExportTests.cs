using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using TriageBot.Host.Tests.Support;

namespace TriageBot.Host.Tests.Observability;

/// <summary>Telemetry leaves the process only for a configured OTLP endpoint.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task NoEndpointConfigured_NoExporterIsRegistered()
    {
        IServiceCollection? registered = null;
        await using var host = await EdgeHost.StartAsync(services: services => registered = services);

        Assert.NotNull(registered);
        Assert.DoesNotContain(registered, d => (d.ServiceType.FullName ?? "").Contains("Otlp", StringComparison.Ordinal));
    }

    /// <param name="endpointKey">Our setting, or the standard variable every OpenTelemetry SDK reads.</param>
    [Theory]
    [InlineData("OpenTelemetry:Otlp:Endpoint", "OpenTelemetry:Otlp:Protocol", "HttpProtobuf")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")]
    public async Task EndpointConfigured_SpansGoToTheCollector(string endpointKey, string protocolKey, string protocol)
    {
        await using var collector = await FakeCollector.StartAsync();
        await using var host = await EdgeHost.StartAsync(settings: new Dictionary<string, string?>
        {
            [endpointKey] = collector.BaseUrl,
            [protocolKey] = protocol,
        });

        using var _ = await host.GetAsync("/api/chat/config");
        await WaitUntilAsync(() => host.Services.GetRequiredService<TracerProvider>().ForceFlush() && collector.Signals.Contains("traces"));

        Assert.Contains("traces", collector.Signals);
    }

    /// <summary>Spans end just after their response is sent: flush until the collector has them (a guard, not a timing).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, guard.Token);
        }
    }

    /// <summary>An OTLP/HTTP collector on loopback that notes which signals arrive.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private WebApplication? _app;

        public string BaseUrl { get; private set; } = "";

        public ConcurrentBag<string> Signals { get; } = [];

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new FakeCollector();
            app.MapPost("/v1/{signal}", (string signal) =>
            {
                collector.Signals.Add(signal);
                return Results.Ok();
            });
            await app.StartAsync();
            collector._app = app;
            collector.BaseUrl = app.Urls.First();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
