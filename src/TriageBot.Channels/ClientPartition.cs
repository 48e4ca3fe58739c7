using System.Net;
using System.Net.Sockets;

namespace TriageBot.Channels;

/// <summary>
/// Who counts as one client for a per-IP limit: an IPv4 address on its own, but an IPv6 address by its /64, because
/// one subscriber is usually given a whole /64 and could otherwise step through addresses to dodge the limit. Apply
/// forwarded headers first, or every client behind a proxy shares the proxy's key.
/// </summary>
public static class ClientPartition
{
    /// <summary>This machine (IPv4-mapped loopback included): exempt from per-client limits, as the host's own callers and tests.</summary>
    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The partition key of a remote address: <c>203.0.113.7</c>, <c>2001:db8:1:2::/64</c>, or <c>unknown</c>.</summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
