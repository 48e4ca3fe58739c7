using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TriageBot.Host.Tests.Support;
using TriageBot.Schema;
using TriageBot.Testing;
using Activity = System.Diagnostics.Activity;

namespace TriageBot.Host.Tests.Observability;

/// <summary>
/// A real triage over HTTP, watched through OpenTelemetry's in-memory exporter: our meter counts turns, the
/// disposition, the red flag and the referral, and no metric or span attribute carries what the person typed or any id.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    private static readonly string[] ToReferral =
    [
        "hi", "yes", "47", .. global::TriageBot.Testing.DirectLine.DirectLinePatient.LowerBackNoWarningSigns, "Into one leg", "about a 7", "4 months", "no",
        "worse when I sit at my desk all day", "no", "None of these", "Done",
    ];

    private static readonly string[] Typed = ["desk all day", "Pat Doe", "pat@example.org", "chills since Tuesday"];

    [Fact]
    public async Task TriageOverHttp_CountsTurnsDispositionRedFlagAndReferral_WithNoUserTextOrIds()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        await using var channel = await FakeChannel.StartAsync();
        var bot = await BotHost.StartAsync(services: services =>
        {
            services.ConfigureOpenTelemetryMeterProvider(provider => provider.AddInMemoryExporter(metrics));
            services.ConfigureOpenTelemetryTracerProvider(provider => provider.AddInMemoryExporter(spans));
        });
        var user = new EmulatorUser(bot, channel);
        string[] ids;
        try
        {
            foreach (var text in ToReferral)
            {
                await user.SaysAsync(text);
            }

            await user.SaysAsync("Yes, please");
            await user.PostAsync(user.Stamp(new TriageBot.Schema.Activity
            {
                Type = ActivityTypes.Message,
                Value = System.Text.Json.JsonSerializer.SerializeToElement(new { kind = "triage.referral", name = "Pat Doe", contact = "pat@example.org", time = "morning", consent = "true" }),
            }));
            await user.SaysAsync("I have had a fever and chills since Tuesday");
            ids = [user.ConversationId.Split('|')[0], user.User.Id!, user.Bot.Id!];
            Assert.True(bot.Services.GetRequiredService<MeterProvider>().ForceFlush(), "The meter provider must flush.");
        }
        finally
        {
            // Stopping waits for every request, so every span has ended and the last metrics are exported.
            await bot.DisposeAsync();
        }

        var turns = Latest(metrics, "triagebot.turns");
        Assert.Equal(ToReferral.Length + 3, Sum(turns, ("triagebot.channel", ChannelIds.Emulator), ("triagebot.turn.outcome", "ok")));
        Assert.Equal(ToReferral.Length + 3, (long)Latest(metrics, "triagebot.turn.duration").MetricPoints.Sum(p => p.GetHistogramCount()));
        Assert.Equal(1, Sum(Latest(metrics, "triagebot.dispositions"), ("triagebot.disposition.level", "routine")));
        Assert.Equal(1, Sum(Latest(metrics, "triagebot.redflag.detections"), ("triagebot.hazard.id", "HAZ-INFECTION")));
        Assert.Equal(1, Sum(Latest(metrics, "triagebot.referrals.stored")));
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("http.route") == "/api/messages");
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client);

        var recorded = MetricAttributes(metrics).Concat(SpanAttributes(spans)).ToList();
        foreach (var secret in Typed.Concat(ids))
        {
            Assert.DoesNotContain(recorded, value => value.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task DirectLineStreamToken_InTheQuery_NeverReachesASpan()
    {
        var spans = new List<Activity>();
        var host = await EdgeHost.StartAsync(services: services =>
            services.ConfigureOpenTelemetryTracerProvider(provider => provider.AddInMemoryExporter(spans)));
        string streamUrl;
        string conversationId;
        try
        {
            using var started = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations",
                headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + EdgeHost.DirectLineSecret },
                content: new StringContent("""{"user":{}}""", System.Text.Encoding.UTF8, "application/json"));
            using var json = System.Text.Json.JsonDocument.Parse(await started.Content.ReadAsStringAsync());
            streamUrl = json.RootElement.GetProperty("streamUrl").GetString()!;
            conversationId = json.RootElement.GetProperty("conversationId").GetString()!;

            // Not an upgrade, so it is refused; the span of the refusal is what matters.
            using var _ = await host.GetAsync(new Uri(streamUrl).PathAndQuery);
        }
        finally
        {
            await host.DisposeAsync();
        }

        var streamToken = System.Web.HttpUtility.ParseQueryString(new Uri(streamUrl).Query)["t"]!;
        Assert.Contains(spans, s => ((string?)s.GetTagItem("http.route"))?.EndsWith("/stream", StringComparison.Ordinal) == true);
        var recorded = SpanAttributes(spans).ToList();
        Assert.DoesNotContain(recorded, value => value.Contains(streamToken, StringComparison.Ordinal));
        Assert.DoesNotContain(recorded, value => value.Contains(conversationId, StringComparison.Ordinal));
        Assert.DoesNotContain(recorded, value => value.Contains(EdgeHost.DirectLineSecret, StringComparison.Ordinal));
    }

    private static MetricSnapshot Latest(List<MetricSnapshot> metrics, string name) =>
        metrics.LastOrDefault(m => m.Name == name) ?? throw new InvalidOperationException($"No '{name}' was exported.");

    private static long Sum(MetricSnapshot metric, params (string Key, string Value)[] tags) =>
        metric.MetricPoints
            .Where(point => tags.All(tag => Tags(point).Any(t => t.Key == tag.Key && Equals(t.Value, tag.Value))))
            .Sum(point => point.GetSumLong());

    private static IEnumerable<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            yield return tag;
        }
    }

    private static IEnumerable<string> MetricAttributes(List<MetricSnapshot> metrics) =>
        metrics.SelectMany(m => m.MetricPoints).SelectMany(Tags).Select(t => $"{t.Key}={t.Value}");

    private static IEnumerable<string> SpanAttributes(List<Activity> spans) =>
        spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName));
}

/// <summary>Meters and listeners are process-wide: telemetry tests run alone, so no other host's numbers mix in.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
