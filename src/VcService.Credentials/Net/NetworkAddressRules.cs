using System.Net;
using System.Net.Sockets;

namespace VcService.Credentials.Net;

/// <summary>
/// Which IP addresses an outbound request may reach without an operator's allowance: only
/// globally routable unicast. Everything a request forger would aim at — loopback, private
/// (RFC 1918), link-local (cloud metadata at 169.254.169.254), CGNAT, unique-local, multicast,
/// unspecified, documentation and reserved ranges, and the IPv4-mapped/-translated IPv6 forms of
/// all of these — is refused.
/// </summary>
public static class NetworkAddressRules
{
    private static readonly (IPAddress Network, int Prefix, string Name)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "'this network' (unspecified)"),
        (IPAddress.Parse("10.0.0.0"), 8, "private (RFC 1918)"),
        (IPAddress.Parse("100.64.0.0"), 10, "shared address space (CGNAT, RFC 6598)"),
        (IPAddress.Parse("127.0.0.0"), 8, "loopback"),
        (IPAddress.Parse("169.254.0.0"), 16, "link-local (incl. cloud metadata)"),
        (IPAddress.Parse("172.16.0.0"), 12, "private (RFC 1918)"),
        (IPAddress.Parse("192.0.0.0"), 24, "IETF protocol assignments"),
        (IPAddress.Parse("192.0.2.0"), 24, "documentation (TEST-NET-1)"),
        (IPAddress.Parse("192.88.99.0"), 24, "6to4 relay anycast"),
        (IPAddress.Parse("192.168.0.0"), 16, "private (RFC 1918)"),
        (IPAddress.Parse("198.18.0.0"), 15, "benchmarking"),
        (IPAddress.Parse("198.51.100.0"), 24, "documentation (TEST-NET-2)"),
        (IPAddress.Parse("203.0.113.0"), 24, "documentation (TEST-NET-3)"),
        (IPAddress.Parse("224.0.0.0"), 4, "multicast"),
        (IPAddress.Parse("240.0.0.0"), 4, "reserved (incl. broadcast)"),
    ];

    private static readonly (IPAddress Network, int Prefix, string Name)[] BlockedV6 =
    [
        (IPAddress.IPv6None, 128, "unspecified"),
        (IPAddress.IPv6Loopback, 128, "loopback"),
        (IPAddress.Parse("64:ff9b:1::"), 48, "local-use IPv4/IPv6 translation"),
        (IPAddress.Parse("100::"), 64, "discard-only"),
        (IPAddress.Parse("2001:db8::"), 32, "documentation"),
        (IPAddress.Parse("fc00::"), 7, "unique-local"),
        (IPAddress.Parse("fe80::"), 10, "link-local"),
        (IPAddress.Parse("fec0::"), 10, "site-local (deprecated)"),
        (IPAddress.Parse("ff00::"), 8, "multicast"),
    ];

    /// <summary>Null when the address is globally routable; otherwise why it is not.</summary>
    public static string? WhyNotPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // IPv4 inside IPv6: ::ffff:a.b.c.d (mapped), 64:ff9b::a.b.c.d (NAT64), ::a.b.c.d (compatible, deprecated).
            if (address.IsIPv4MappedToIPv6)
                return Embedded(address.MapToIPv4(), "IPv4-mapped");
            var bytes = address.GetAddressBytes();
            if (InPrefix(bytes, IPAddress.Parse("64:ff9b::").GetAddressBytes(), 96))
                return Embedded(new IPAddress(bytes.AsSpan(12, 4)), "NAT64");
            if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !address.Equals(IPAddress.IPv6Loopback) && !address.Equals(IPAddress.IPv6None))
                return Embedded(new IPAddress(bytes.AsSpan(12, 4)), "IPv4-compatible");
            // 6to4 (2002::/16) embeds an IPv4 address in bits 16-47.
            if (bytes[0] == 0x20 && bytes[1] == 0x02)
                return Embedded(new IPAddress(bytes.AsSpan(2, 4)), "6to4");
            foreach (var (network, prefix, name) in BlockedV6)
                if (InPrefix(bytes, network.GetAddressBytes(), prefix))
                    return name;
            return null;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            foreach (var (network, prefix, name) in BlockedV4)
                if (InPrefix(bytes, network.GetAddressBytes(), prefix))
                    return name;
            return null;
        }
        return "not an IP address";
    }

    public static bool IsPublic(IPAddress address) => WhyNotPublic(address) is null;

    private static string? Embedded(IPAddress v4, string form) =>
        WhyNotPublic(v4) is { } why ? $"{form} {why}" : null;

    private static bool InPrefix(byte[] address, byte[] network, int prefix)
    {
        if (address.Length != network.Length)
            return false;
        var full = prefix / 8;
        for (var i = 0; i < full; i++)
            if (address[i] != network[i])
                return false;
        var rest = prefix % 8;
        if (rest == 0)
            return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (address[full] & mask) == (network[full] & mask);
    }
}
