using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Binds <c>Channels:DirectLine</c> the one way options are bound here (<c>AddOptions</c>, <c>BindConfiguration</c>,
/// <c>ValidateOnStart</c>), accepts the allowed origins as one comma-separated string too (an environment variable
/// holds one string), and normalizes them to what a browser sends in <c>Origin</c>.
/// </summary>
internal static class DirectLineOptionsSetup
{
    public static void AddDirectLineOptions(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .Configure<IConfiguration>(AddOriginsGivenAsOneString)
            .PostConfigure(NormalizeOrigins)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>());

        // The Direct Line classes take the validated value itself.
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DirectLineOptions>>().Value);
    }

    /// <summary>scheme://host[:port], exactly what a browser sends in <c>Origin</c>; null when it is not an origin.</summary>
    internal static string? TryNormalizeOrigin(string origin) =>
        Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.PathAndQuery is "/" or ""
        && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    private static void AddOriginsGivenAsOneString(DirectLineOptions options, IConfiguration configuration)
    {
        if (configuration.GetSection(DirectLineOptions.SectionName)[nameof(DirectLineOptions.AllowedOrigins)] is { Length: > 0 } list)
        {
            foreach (var origin in list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                options.AllowedOrigins.Add(origin);
            }
        }
    }

    /// <summary>Normalizes what can be; anything else is left as written for the validator to name.</summary>
    private static void NormalizeOrigins(DirectLineOptions options)
    {
        var origins = options.AllowedOrigins.Select(o => TryNormalizeOrigin(o) ?? o).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        options.AllowedOrigins.Clear();
        foreach (var origin in origins)
        {
            options.AllowedOrigins.Add(origin);
        }
    }
}
