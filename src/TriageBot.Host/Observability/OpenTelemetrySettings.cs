using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace TriageBot.Host.Observability;

/// <summary>
/// Where telemetry goes (configuration section <c>OpenTelemetry</c>). Nothing leaves the process unless an OTLP
/// endpoint is set here or in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable.
/// </summary>
public sealed class OpenTelemetrySettings
{
    public const string SectionName = "OpenTelemetry";

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "TriageBot";

    public OtlpSettings Otlp { get; set; } = new();
}

/// <summary>The OTLP collector: <c>Endpoint</c> (e.g. <c>http://otel-collector:4317</c>) and <c>Protocol</c>.</summary>
public sealed class OtlpSettings
{
    public string? Endpoint { get; set; }

    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;
}

/// <summary>Refuses to start with an endpoint that is not an absolute http(s) URL.</summary>
internal sealed class OpenTelemetrySettingsValidator : IValidateOptions<OpenTelemetrySettings>
{
    public ValidateOptionsResult Validate(string? name, OpenTelemetrySettings options)
    {
        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            return ValidateOptionsResult.Fail("OpenTelemetry:ServiceName must not be empty.");
        }

        return options.Otlp.Endpoint is { Length: > 0 } endpoint && !TelemetryServiceCollectionExtensions.IsHttpUrl(endpoint)
            ? ValidateOptionsResult.Fail("OpenTelemetry:Otlp:Endpoint must be an absolute http or https URL.")
            : ValidateOptionsResult.Success;
    }
}
