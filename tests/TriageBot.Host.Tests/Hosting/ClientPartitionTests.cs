using System.Net;
using TriageBot.Channels;

namespace TriageBot.Host.Tests.Hosting;

/// <summary>Who counts as one client for a per-IP limit.</summary>
public sealed class ClientPartitionTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::")]
    public void Ipv6_AddressesInOneSlash64_ShareAPartition(string first, string second) =>
        Assert.Equal(ClientPartition.Key(IPAddress.Parse(first)), ClientPartition.Key(IPAddress.Parse(second)));

    [Fact]
    public void Ipv6_NeighbouringSlash64s_AreApart() =>
        Assert.NotEqual(ClientPartition.Key(IPAddress.Parse("2001:db8:1:2::1")), ClientPartition.Key(IPAddress.Parse("2001:db8:1:3::1")));

    [Fact]
    public void Ipv6_KeyNamesTheNetworkOnly() =>
        Assert.Equal("2001:db8:1:2::/64", ClientPartition.Key(IPAddress.Parse("2001:db8:1:2:3:4:5:6")));

    [Fact]
    public void Ipv4_EachAddressIsItsOwnClient()
    {
        Assert.Equal("203.0.113.7", ClientPartition.Key(IPAddress.Parse("203.0.113.7")));
        Assert.NotEqual(ClientPartition.Key(IPAddress.Parse("203.0.113.7")), ClientPartition.Key(IPAddress.Parse("203.0.113.8")));
    }

    [Fact]
    public void Ipv4MappedIntoIpv6_CountsAsTheIpv4Address() =>
        Assert.Equal("203.0.113.7", ClientPartition.Key(IPAddress.Parse("::ffff:203.0.113.7")));

    [Fact]
    public void NoAddress_IsOnePartition() => Assert.Equal("unknown", ClientPartition.Key(null));
}
