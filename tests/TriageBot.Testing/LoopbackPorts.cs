using System.Net;
using System.Net.Sockets;

namespace TriageBot.Testing;

/// <summary>Ports for servers a test starts in another process (PostgreSQL, a TriageBot instance), which cannot bind port 0 and report back.</summary>
public static class LoopbackPorts
{
    /// <summary>A loopback port free at the moment of asking (the OS hands out ports round-robin, so a clash is unlikely).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
