using System.Net;
using Microsoft.AspNetCore.Http;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// What counts as "this machine" when <c>/api/messages</c> runs without authentication: the caller, the
/// <c>serviceUrl</c> replies go to, and the addresses the host listens on. Loopback means <c>localhost</c>,
/// 127.0.0.0/8 and ::1; wildcards (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>) are everything but.
/// </summary>
public static class LoopbackAddresses
{
    /// <summary>A caller's address: loopback, also as an IPv4-mapped IPv6 address. Unknown (null) is not.</summary>
    public static bool IsLoopback(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>
    /// A <c>serviceUrl</c> that can only reach this machine: an absolute http(s) URL, parsed as the HTTP client
    /// will parse it, whose host is loopback, with no user info, query or fragment. That closes
    /// <c>http://127.0.0.1#@evil.example</c>, <c>http://evil.example?x=http://localhost</c> and
    /// <c>http://localhost@evil.example</c>; numeric forms (<c>http://2130706433</c>, <c>http://0x7f.1</c>) are judged
    /// by the address they parse to, which is where the request would go.
    /// </summary>
    public static bool IsLoopbackServiceUrl(string? serviceUrl)
    {
        if (!TryParseServiceUrl(serviceUrl, out var uri))
        {
            return false;
        }

        return uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
            && uri.HostNameType switch
            {
                UriHostNameType.Dns => uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase),
                UriHostNameType.IPv4 or UriHostNameType.IPv6 => IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IsLoopback(ip),
                _ => false,
            };
    }

    /// <summary>An absolute http or https URL, as replies need.</summary>
    public static bool TryParseServiceUrl(string? serviceUrl, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        return !string.IsNullOrWhiteSpace(serviceUrl)
            && Uri.TryCreate(serviceUrl, UriKind.Absolute, out uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    /// <summary>
    /// A listen address (<c>urls</c>, a Kestrel endpoint, or what the server reports after start) that binds only
    /// loopback. Unix sockets and anything unparsable are refused: the check errs on the side of not starting.
    /// </summary>
    public static bool IsLoopbackListenAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return false;
        }

        var host = binding.Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IsLoopback(ip));
    }
}
