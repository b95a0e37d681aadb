using System.Net;
using System.Net.Sockets;

namespace Herald.Hosting;

/// <summary>
/// The unit a per-client limit counts: an IPv4 address, or the /64 network of an IPv6 one. One
/// IPv6 subscriber is handed a whole /64 (2^64 addresses), so counting single IPv6 addresses would
/// let anyone reset a limit by picking the next address.
/// </summary>
public static class ClientNetwork
{
    public static string Of(IPAddress? address)
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
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}