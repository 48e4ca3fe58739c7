using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TriageBot.Runtime.Telemetry;

namespace TriageBot.Host.Observability;

/// <summary>
/// OpenTelemetry tracing and metrics: ASP.NET Core, HttpClient and runtime instrumentation plus our own
/// <see cref="TriageMetrics"/> meter. Exported over OTLP only when an endpoint is configured; otherwise the
/// instruments run for in-process listeners (tests, <c>dotnet-counters</c>) and nothing leaves the machine.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard variable every OpenTelemetry SDK reads.</summary>
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OpenTelemetrySettings>().BindConfiguration(OpenTelemetrySettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenTelemetrySettings>, OpenTelemetrySettingsValidator>();
        services.AddMetrics();
        services.AddSingleton<TriageMetrics>();

        // Which exporters exist is decided while services are registered, so it reads configuration directly.
        var settings = configuration.GetSection(OpenTelemetrySettings.SectionName).Get<OpenTelemetrySettings>() ?? new OpenTelemetrySettings();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(string.IsNullOrWhiteSpace(settings.ServiceName) ? "TriageBot" : settings.ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(TelemetryRedaction.ConfigureIncoming)
                .AddHttpClientInstrumentation(TelemetryRedaction.ConfigureOutgoing))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TriageMetrics.MeterName));
        if (settings.Otlp.Endpoint is { Length: > 0 } endpoint && IsHttpUrl(endpoint))
        {
            telemetry.UseOtlpExporter(settings.Otlp.Protocol, new Uri(endpoint));
        }
        else if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]))
        {
            // The exporter reads the OTEL_EXPORTER_OTLP_* variables itself (endpoint, protocol, headers).
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    internal static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
