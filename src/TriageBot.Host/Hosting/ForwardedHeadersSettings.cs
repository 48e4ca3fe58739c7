using System.Net;
using Microsoft.Extensions.Options;

namespace TriageBot.Host.Hosting;

/// <summary>
/// Which reverse proxies may tell us the client's address and scheme (configuration section <c>ForwardedHeaders</c>).
/// Nothing is trusted by default except loopback (ASP.NET Core's own default), so a stranger's
/// <c>X-Forwarded-For</c> cannot dodge a rate limit and a stranger's <c>X-Forwarded-Proto</c> cannot change links.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the app, e.g. <c>10.0.0.4</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxy hops to unwind (one per trusted proxy in the chain).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Also take <c>X-Forwarded-Host</c>; only with <see cref="AllowedHosts"/>, or a client could pick the host of our links.</summary>
    public bool ForwardHost { get; set; }

    /// <summary>The host names <c>X-Forwarded-Host</c> may carry, e.g. <c>chat.clinic.example</c>.</summary>
    public IList<string> AllowedHosts { get; } = [];
}

/// <summary>Refuses to start with a proxy address or network that does not parse, or a forwarded host without a list.</summary>
internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var errors = new List<string>();
        errors.AddRange(options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."));
        errors.AddRange(options.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => $"ForwardedHeaders:KnownNetworks: '{n}' is not a CIDR network such as 10.0.0.0/8."));
        if (options.ForwardLimit is < 1 or > 10)
        {
            errors.Add("ForwardedHeaders:ForwardLimit must be between 1 and 10.");
        }

        if (options.ForwardHost && options.AllowedHosts.Count == 0)
        {
            errors.Add("ForwardedHeaders:ForwardHost needs ForwardedHeaders:AllowedHosts, the host names the proxy may send.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
