using System.Net;
using System.Net.Sockets;

namespace CrewPass.Conformance.Tests;

public static class Loopback
{
    /// <summary>A loopback port nothing listens on (it was free a moment ago): a closed port, or one to name in a setting.</summary>
    public static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
